// Package parse is a transition-based labelled dependency parser for
// English, trained on Universal Dependencies treebanks (EWT, GUM) and
// embedded in the binary.
//
// # Transition system
//
// The parser uses the arc-hybrid system (Kuhlmann, Gómez-Rodríguez and
// Satta 2011) with the artificial ROOT at the end of the buffer. A
// configuration is a stack, a buffer (always a suffix of the sentence,
// followed by ROOT) and the arcs built so far; there are three kinds of
// action:
//
//	SHIFT      move the first word of the buffer, b0, onto the stack
//	LEFT(l)    make b0 the head of the top of the stack, s0, with label l; pop s0
//	RIGHT(l)   make s1 (below s0) the head of s0, with label l; pop s0
//
// SHIFT never moves ROOT; LEFT onto ROOT is allowed only when s0 is the
// last word on the stack, and then its label is "root". Every word is thus
// shifted once and popped once with exactly one head, so every sentence of
// n words takes exactly 2n actions and the output is always a projective,
// single-rooted tree, whatever the scores; the empty sentence takes none.
// The labels are the full UD relations of the training data, subtypes
// included (nmod:poss, obl:tmod, compound:prt); a LEFT or RIGHT action
// exists for each label seen in that direction in training.
//
// # Training: dynamic oracle
//
// The scores come from an averaged perceptron trained with the dynamic
// oracle of Goldberg and Nivre (2013): in any configuration, even one
// reached by mistakes, the cost of an action is the number of gold arcs it
// makes unreachable (arc-hybrid is arc-decomposable, so this is computed
// in O(n) from the stack and buffer). The update moves the weights from the
// best-scoring action towards the best-scoring zero-cost one (or least
// cost, where the ROOT constraint leaves no zero-cost action). After the
// first iteration the parser follows its own prediction, right or wrong,
// with probability 0.9 (error exploration), so it learns to recover from
// its mistakes. The training sentences are shuffled in every iteration
// with a seeded generator, so training is deterministic.
//
// # Non-projective trees
//
// Arc-hybrid builds projective trees only. In EWT 2.3% of the training
// sentences are non-projective, and 0.17% of the words (0.11% in test)
// hang from a head that makes them so; such trees are projectivised before
// training by lifting (Nivre and Nilsson 2005): while some arc spans a
// word its head does not dominate, the shortest such arc is re-attached to
// the head's head, and the dynamic oracle is computed against the
// projectivised tree. The label is kept and not encoded (encoding it
// would multiply the actions to recover at most 0.1 point), so lifted
// arcs are not restored at parse time: the parser outputs the projective
// approximation, and the few non-projective arcs of the test data count
// as errors.
//
// # Features
//
// The feature templates follow Zhang and Nivre (2011), adapted to
// arc-hybrid, whose decisions involve s0 with b0 (LEFT) and s1 with s0
// (RIGHT): the words and tags (XPOS, and UPOS for some) of s0, s1, s2, b0,
// b1, b2; the two leftmost and rightmost children of s0, the leftmost and
// rightmost of s1, the two leftmost of b0, with their labels; pairs and
// triples of them; the distances b0-s0 and s0-s1; the valencies (numbers
// of left and right children) and the sets of children's labels. Added to
// them, because the tags are predicted and about one word in twenty has a
// wrong one: word-tag pairs across s1, s0 and b0 with UPOS, which the
// tagger gets right more often than XPOS; the last three letters of s0,
// s1, b0 and b1; the ambiguity class of s0, s1, b0 and b1 (the XPOS tags
// seen with the word in training, which do not depend on the tagger); and
// how far the next verb after b0 is. 140 templates in all.
//
// Word forms are lower-cased with digits mapped to 0; forms seen fewer
// than twice in training are replaced by their shape (capitalisation,
// digits, hyphen, length), so that unseen names and numbers share what was
// learnt about rare words. Lemmas are not used.
//
// # Training data and tags
//
// The parser is trained on UD English EWT and GUM with jack-knifed tags:
// the training sentences are cut into five blocks, and each block is
// tagged by a tagger (package tag) trained on the other four, so that the
// parser learns from tags as wrong as those it will see. Word forms come
// from the treebank (gold tokens).
//
// # Weights: hashing, pruning, quantisation
//
// A template number and its atoms (64-bit hashes of forms, tag numbers,
// classes) are folded FNV-style and finalised into 64 bits, without
// allocating; the top 20 bits select a row of a weight matrix with one
// column per action (float32 while training). When training ends, the
// averaged weights below 1 in magnitude are dropped (they change few
// decisions: see TestPruneSweep) and the rest are quantised to int16 with
// one global scale; the model file stores each row's non-zero entries
// (action, weight) by column, gzipped.
//
// # Speed
//
// Scoring a configuration is an integer sum over its 140 rows, and it is
// bound by the latency of memory: the rows are spread over 16 MB, and
// much of the time goes to waiting for cache and TLB misses, so the
// layout and the order of the loads matter more than the arithmetic. In
// memory, the rows of frequent features (those with weights for at least
// half of the actions) are dense: three weights to a 64-bit word, each
// biased to be non-negative in a 21-bit lane, so that one addition sums
// three of them and the bias is taken off once at the end. The other rows
// are sparse (action and weight in a 32-bit word), laid out by decreasing
// length so that the rows of frequent features share cache lines and
// pages. A configuration's rows are read in stages, each a tight loop
// whose loads do not depend on each other, so that many cache misses are
// in flight at once: the rows' locations (with no branch that depends on
// a load, as a mispredicted one would discard the loads issued after it),
// then a touch of the first and last word of each sparse row, then the
// dense rows, which are hot, while those loads complete (four rows at a
// time, so that each sum is loaded and stored once for four rows), then
// the sparse sums. On Linux the two large tables are aligned to 2 MiB and
// the kernel is asked to back them with transparent huge pages (madvise),
// which makes fewer of the reads miss the TLB. Computing the features
// inside the first loop, to overlap hashing with the misses, was measured
// to be slower: the longer loop keeps fewer loads in flight. Parsing two
// sentences in step, the rows of both read together, was measured no
// faster. None of this changes a score: the sums are exact, and the
// parser's output is the same to the byte. A pooled scratch state makes
// parsing allocation-free, and a Parser is read-only and safe for
// concurrent use.
package parse
