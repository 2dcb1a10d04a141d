// Package eval scores eventwire's stages against public gold sets.
package eval
