package source

import (
	"bufio"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func paras(t *testing.T, s string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return paragraphs(doc)
}

func TestParagraphs(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"white space collapses", "<p>  One\n  two\t three  </p>", "One two three"},
		{"inline elements", "<p>A <b>bold</b> <a href=x>link</a>.</p>", "A bold link."},
		{"no space between inline", "<p>un<i>break</i>able</p>", "unbreakable"},
		{"br", "<p>Line one<br>Line two</p>", "Line one\nLine two"},
		{"br at start ignored", "<p><br>Text</p>", "Text"},
		{"headings and lists", "<h1>Title</h1><ul><li>one</li><li>two</li></ul>", "Title\n\none\n\ntwo"},
		{"nested divs", "<div><div>A</div>B<div>C</div></div>", "A\n\nB\n\nC"},
		{"pre keeps lines", "<pre>a  b\nc</pre>", "a b\nc"},
		{"table cells", "<table><tr><td>Name</td><td>Votes</td></tr><tr><td>Vasko</td><td>7</td></tr></table>", "Name Votes\n\nVasko 7"},
		{"skipped elements", "<p>Keep</p><script>var x = 1;</script><style>p{}</style><nav>Menu</nav><form><button>Go</button></form><p>this</p>", "Keep\n\nthis"},
		{"entities", "<p>caf&eacute; &amp; &ldquo;bar&rdquo;&nbsp;now</p>", "café & “bar” now"},
		{"trafilatura names", "<doc><head>Title</head><p>Body <hi>text</hi></p><list><item>a</item><item>b</item></list></doc>", "Title\n\nBody text\n\na\n\nb"},
		{"empty", "<p> </p><div></div>", ""},
		{"NUL dropped", "<p>a\x00b</p>", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paras(t, tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct{ name, in, ctype, want string }{
		{"text", "Ministers agree\n\nGENEVA", "", FormatText},
		{"jsonl", "  \n{\"text\":\"a\"}", "", FormatJSONL},
		{"warc", "WARC/1.0\r\n", "", FormatWARC},
		{"W text", "Workers strike", "", FormatText},
		{"doctype", "<!DOCTYPE html>\n<html>", "", FormatHTML},
		{"html", "\n <HTML lang=en>", "", FormatHTML},
		{"comment then html", "<!-- saved page -->\n<html>", "", FormatHTML},
		{"fragment", "<p>Hello</p>", "", FormatHTML},
		{"rss", `<?xml version="1.0"?>` + "\n<rss version=\"2.0\">", "", FormatFeed},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom">`, "", FormatFeed},
		{"rdf", `<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><rdf:RDF>`, "", FormatFeed},
		{"other xml", `<?xml version="1.0"?><catalog/>`, "", FormatFeed},
		{"xhtml", `<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html>`, "", FormatHTML},
		{"angle text", "<Reuters> said on Monday", "", FormatText},
		{"only whitespace", " \n ", "", FormatText},
		{"empty", "", "", FormatText},
		{"content type html", "plain words", "text/html; charset=utf-8", FormatHTML},
		{"content type rss", "plain words", "application/rss+xml", FormatFeed},
		{"content type xml sniffs", "<rss>", "text/xml", FormatFeed},
		{"content type plain sniffs", "<!doctype html>", "text/plain", FormatHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sniff(bufio.NewReader(strings.NewReader(tt.in)), tt.ctype)
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestFormatByName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"a.jsonl", FormatJSONL}, {"a.NDJSON.gz", FormatJSONL},
		{"page.html", FormatHTML}, {"page.htm.gz", FormatHTML}, {"page.xhtml", FormatHTML},
		{"news.rss", FormatFeed}, {"news.atom", FormatFeed},
		{"crawl.warc", FormatWARC}, {"CC-NEWS-1.warc.gz", FormatWARC},
		{"news.xml", FormatAuto}, {"story.txt", FormatAuto}, {"story", FormatAuto},
	}
	for _, tt := range tests {
		if got := formatByName(tt.name); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
