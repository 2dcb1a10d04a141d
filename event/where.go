package event

import "github.com/eventwire/eventwire"

// where sets the location of event e. (Being written: see the issue.)
func (w *walker) where(e *eventwire.Event) {}
