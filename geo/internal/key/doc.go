// Package key spells gazetteer names as match keys, for the geo package
// and its generator. A key is the name's text without the characters that
// Skip reports (spaces, full stops, hyphens, apostrophes and combining
// marks), Latin letters folded to their base letters ("Élysée" is
// "Elysee", "Ḩamāh" is "Hamah"), and every letter after the first
// lowercased. The first letter keeps its case, so that "Turkey" is not
// "turkey" and "US" is not "us", while "TURKEY" in a headline is "Turkey".
// A sequence of tokens has the key of its tokens written one after the
// other, so "al - Nusra", "al-Nusra" and "Al Nusra" meet, as do "Côte d'
// Ivoire" and "Cote d'Ivoire", and "U.S." and "US".
//
// Names written in capitals only ("US", "U.K.", "DRC") must also match
// exactly, with every letter's case (after folding and skipping), so that
// "Us" at the start of a sentence is not the United States.
package key
