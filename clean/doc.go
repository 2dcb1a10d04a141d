// Package clean marks the parts of a news article that are not article
// prose: the dateline that opens a wire story and the boilerplate around
// the story. It never changes the text; it only sets Doc.Dateline and
// Doc.Boilerplate, spans that later stages skip. All offsets are code-point
// offsets into Doc.Runes, half-open.
//
// The text is read as lines, separated by \n, \r\n, \r, \v, \f, U+0085,
// U+2028 or U+2029. The title line is the first non-empty line when it is
// doc.Title (white-space runs compare equal, and a final period may differ);
// it is never marked as boilerplate, and the body starts after it. When the
// text does not open with the title (as in JSONL input), the body starts at
// the first non-empty line.
//
// # Datelines
//
// A dateline starts a line at the start of the body: the first non-empty
// line, or a later one when every line before it is a byline ("By Jane
// Smith"), a paragraph of its own of at most 400 code points (a date, a
// deck, a summary, a title written differently from doc.Title) or a line
// marked as boilerplate (a photo caption); at most four lines are passed
// over, and a line that continues a paragraph is never one. The title line
// may open with a dateline too, since an article that comes without a title
// gets the first line of its text for one; but as headlines often read like
// a bare dateline ("ECONOMIC SPOTLIGHT - Profits rise"), only a dateline
// with a date or an agency is taken there. The forms are
//
//	PLACE [, Region|Date]... [(Agency)] DASH
//	(Agency) DASH
//
// PLACE is one to five upper-case words separated by a space or a slash
// ("BRUSSELS", "NEW YORK/LONDON", "SÃO PAULO", "ST. LOUIS",
// "WINSTON-SALEM", "McALLEN"); each comma segment is a capitalised region
// or country ("Calif.", "British Columbia", "the Netherlands") or a date
// ("April 23", "Jan. 5", "MARCH 20", "5 January", "April 23, 2013"), and a
// date may follow a region without a comma ("Minn. March 16"). Agency is one
// to three words in parentheses ("Reuters", "AP", "dpa", "Thomson Reuters
// Foundation"). DASH is -, --, –, —, ― or the old wire underscore " _ ",
// optionally preceded by space; it may end the line or be followed by the
// first sentence. Without a dash, a dateline is still taken when its agency
// is a well-known one (Reuters, AP, AFP, Xinhua, dpa, UPI, Bloomberg, CNN,
// IANS, PTI, Kyodo, Yonhap, TASS, ANSA, EFE and a few more): "BRUSSELS
// (Reuters)" alone on its line, or "(CNN)The president said ...". A place
// written in mixed case ("New York, June 1 -", "Washington (CNN) --") is
// taken only when a date or a well-known agency follows it, and so is an
// agency without a place ("(Reuters) - ...").
//
// The bare form, PLACE [, Region] DASH without date or agency, is the
// weakest, since an upper-case lead-in looks the same ("BIG MISTAKE -");
// there the place has at most three words, none of them a function word or
// a word of shouted lead-ins (AT, ITS, BEST, MUST, ...), the text after the
// dash on the line is not in capitals and does not open with a lower-case
// word, and an unspaced dash must be an em dash ("MOSCOW—The Kremlin", not
// "SIEGEL--Jerome"). In every form the place has at least three letters and
// is no newsroom label, weekday or month (UPDATE, EXCLUSIVE, MONDAY, ...).
//
// Dateline.Place is the place as written, without the region, country or
// date that may follow it: "GENEVA" for "GENEVA, Switzerland (AFP) -"; the
// span covers the whole dateline, so a later stage can still read the region
// and the date from the text. Dateline.Agency is the text inside the
// parentheses, or "" when there is none. Start and End cover the dateline
// from its first code point through the dash, or through the closing
// parenthesis when there is no dash.
//
// # Boilerplate
//
// Each boilerplate span covers a whole line, trimmed of surrounding white
// space, except for a credit in parentheses at the end of a line of prose.
// A line that starts in lower case, or that the next line continues in lower
// case, is part of a wrapped sentence: it is only checked for such a
// parenthesised credit. The reasons are those of package eventwire:
//
//   - duplicate-line: a line of at least 20 letters and three words that
//     repeats an earlier line of the article (white-space runs compare
//     equal). Only the later occurrences are marked: the first stays as it
//     is, or is marked for its own reason (the first of two photo captions
//     is a photo-credit line). Consecutive repeated lines are kept only as
//     a run that begins and ends where a sentence does, so that no line is
//     cut out of a hard-wrapped paragraph. A repeated line is marked
//     duplicate-line whatever else it is.
//   - photo-credit: a credit alone on its line ("REUTERS/Kevin Lamarque",
//     "(AP Photo/Evan Vucci)", "Photo: Getty Images", "AFP PHOTO / JOHN
//     DOE", "File photo", "Jane Doe via Getty Images.", "John Roe/Reuters.")
//     or a caption: a line of at most 400 code points that ends with a
//     credit, in parentheses ("... Tuesday. (REUTERS/Evan Vucci/Pool)",
//     "(Photo by Jane Doe/Getty Images)") or after its last sentence ("...
//     2013. REUTERS/Kevin Lamarque"), or that opens with "FILE PHOTO:". The
//     whole caption is marked, since a caption is not article prose; a
//     longer line that ends with a credit in parentheses is prose, and only
//     the credit is marked.
//   - credits: "Reporting by Arshad Mohammed; Editing by Jon Boyle" and the
//     like ("Additional reporting by", "Writing by", "Compiled by", "Edited
//     by", ...), with or without parentheses or leading dashes, as a whole
//     line, or as the parenthesised group that ends a paragraph ("... he
//     said. (Editing by Jon Boyle)"). Only names, places and a few
//     connecting words may follow "by", so "Reporting by the agency showed
//     ..." is prose. Also contributor lines ("Jane Doe contributed
//     reporting.", "Doe reported from Brussels.") and the bare "Reuter" or
//     "REUTER" sign-off that ends a Reuters-21578 story.
//   - copyright: a line that opens with ©, (c), Copyright or Copr. and has a
//     year among its next six words or "rights reserved" ("(c) 2013
//     Reuters", "Copyright 2013 The Associated Press. All rights reserved.
//     ..."); a short line with "All rights reserved" and a copyright sign or
//     word; a short line with "Copyright ©"; and the AP line "This material
//     may not be published, broadcast, rewritten or redistributed."
//   - link: navigation and promotion lines, each with a length limit so that
//     a paragraph of prose is never taken for one: "Click here ...",
//     "Related: ...", "RELATED STORIES", "Read more: ...", "Follow us on
//     Twitter", "Follow Jane Doe on Twitter @janedoe.", "Follow @wire",
//     "Sign up for ...", "Subscribe to ...", newsletter sign-ups,
//     "Advertisement", "Story continues below", "Continue reading the main
//     story", "Share this article", "See also: ...", "Our Standards: ...",
//     also in parentheses.
//
// The spans in Doc.Boilerplate are sorted by Start and never overlap each
// other or the dateline. Bylines are left alone.
//
// Clean reads each code point of the text once in its line scan (a table
// lookup and no unpredictable branch per code point) and looks again only at
// the few code points that open or close a line; it keys lines for the
// duplicate check without allocating per line, uses no regular expressions,
// keeps no state between calls and is safe for concurrent use on different
// documents.
package clean
