package geo

// trie maps keys, byte by byte, to groups. Node 0 is the root; the
// children of a node are contiguous and sorted by label, so that a lookup
// scans a few adjacent bytes; the root's children are found through a
// table indexed by byte.
type trie struct {
	root   [256]int32   // child of the root by label, or -1
	dense  [][256]int32 // children by label of the nodes with many, or -1
	nodes  []tnode
	labels []byte // labels[i] is the label of the edge into node i
}

type tnode struct {
	first int32 // index of the first child
	n     int32 // number of children; -1 - i when they are in dense[i]
	group int32 // the group of the key that ends here, or -1
}

// denseMin is the number of children from which a node's children are
// found through a table.
const denseMin = 12

// child returns the child of node by label b, or -1.
func (t *trie) child(node int32, b byte) int32 {
	if node == 0 {
		return t.root[b]
	}
	nd := &t.nodes[node]
	if nd.n < 0 {
		return t.dense[-1-nd.n][b]
	}
	for c, hi := nd.first, nd.first+nd.n; c < hi; c++ {
		if l := t.labels[c]; l == b {
			return c
		} else if l > b {
			return -1
		}
	}
	return -1
}

// buildTrie builds the trie of keys, sorted and distinct; key i leads to
// group i.
func buildTrie(keys []string) trie {
	// First a first-child, next-sibling tree: sorted keys append each new
	// child after its last sibling.
	type bnode struct {
		label             byte
		child, next, last int32
		group             int32
	}
	size := 1
	for _, k := range keys {
		size += len(k)
	}
	bn := make([]bnode, 1, size)
	bn[0] = bnode{child: -1, next: -1, last: -1, group: -1}
	path := []int32{0}
	prev := ""
	for gi, k := range keys {
		p := 0
		for p < len(k) && p < len(prev) && k[p] == prev[p] {
			p++
		}
		path = path[:p+1]
		for j := p; j < len(k); j++ {
			parent := path[j]
			c := int32(len(bn))
			bn = append(bn, bnode{label: k[j], child: -1, next: -1, last: -1, group: -1})
			if bn[parent].last < 0 {
				bn[parent].child = c
			} else {
				bn[bn[parent].last].next = c
			}
			bn[parent].last = c
			path = append(path, c)
		}
		bn[path[len(k)]].group = int32(gi)
		prev = k
	}
	// Then lay the children of each node out contiguously, breadth first.
	t := trie{nodes: make([]tnode, len(bn)), labels: make([]byte, len(bn))}
	newID := make([]int32, len(bn))
	queue := make([]int32, 1, len(bn))
	next := int32(1)
	for q := 0; q < len(queue); q++ {
		old := queue[q]
		id := newID[old]
		nd := tnode{first: next, group: bn[old].group}
		for c := bn[old].child; c >= 0; c = bn[c].next {
			newID[c] = next
			t.labels[next] = bn[c].label
			next++
			nd.n++
			queue = append(queue, c)
		}
		t.nodes[id] = nd
	}
	for i := range t.root {
		t.root[i] = -1
	}
	r := t.nodes[0]
	for c := r.first; c < r.first+r.n; c++ {
		t.root[t.labels[c]] = c
	}
	for i := 1; i < len(t.nodes); i++ {
		nd := &t.nodes[i]
		if nd.n < denseMin {
			continue
		}
		var d [256]int32
		for j := range d {
			d[j] = -1
		}
		for c := nd.first; c < nd.first+nd.n; c++ {
			d[t.labels[c]] = c
		}
		nd.n = int32(-1 - len(t.dense))
		t.dense = append(t.dense, d)
	}
	return t
}
