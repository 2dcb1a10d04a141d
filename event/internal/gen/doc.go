// Command gen writes event/data/ontology.tsv, the CAMEO codebook joined
// with the CAMEO→PLOVER table, from ../shared/data/cameo/cameo-codes.csv
// and ../shared/data/plover/CAMEO2PLOVER-2021.txt. It is run by go
// generate in package event; its output depends only on its inputs.
//
// Usage:
//
//	go run ./internal/gen -cameo ../../shared/data/cameo -plover ../../shared/data/plover -out data/ontology.tsv
package main
