package quote

import "github.com/eventwire/eventwire/internal/stagetest"

// testStages returns the real stages before this one, and a Finder,
// loaded once per test binary.
var testStages = stagetest.Cached(New)
