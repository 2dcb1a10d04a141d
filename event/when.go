package event

import "github.com/eventwire/eventwire"

// when sets the date of event e. (Being written: see the issue.)
func (w *walker) when(e *eventwire.Event) {}
