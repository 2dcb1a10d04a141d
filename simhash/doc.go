// Package simhash fingerprints texts so that near-duplicates (wire copies,
// syndicated and re-posted articles with a few edits) have fingerprints a
// few bits apart.
//
// Sum normalises a text to its words (runs of letters and digits, lower
// case; everything else separates words), hashes every shingle of Shingle
// consecutive words (FNV-1a per word, combined in order through a 64-bit
// mixer), and adds up the shingle hashes bit by bit (Charikar's SimHash:
// each shingle votes +1 for the bits it sets and -1 for the others, so a
// shingle that occurs twice weighs twice). Bit i of the fingerprint is set
// when the vote for it is positive. Editing one word changes at most
// Shingle shingles, so it moves few votes and flips few bits; two
// unrelated texts differ in about 32 bits.
//
// Distance counts the bits in which two fingerprints differ. Blocks splits
// a fingerprint in four 16-bit blocks: two fingerprints within distance 3
// agree in at least one block (pigeonhole), so an index on the blocks finds
// every candidate without a full scan.
package simhash
