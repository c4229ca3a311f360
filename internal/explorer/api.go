package explorer

import (
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// The page: index.html, app.js and style.css, served at /explorer/.
//
//go:embed static
var static embed.FS

// Prefix is where the explorer is served.
const Prefix = "/explorer/"

// MaxLimit bounds the items of one API answer.
const MaxLimit = 200

// defaultLimit is the items of an answer that names no limit.
const defaultLimit = 50

// contentSecurityPolicy lets the page load only its own script, style and
// API: nothing inline, nothing from another origin, no frames.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

var staticFiles = map[string]string{ // path under Prefix -> content type
	"":          "text/html; charset=utf-8",
	"app.js":    "text/javascript; charset=utf-8",
	"style.css": "text/css; charset=utf-8",
}

func (x *Explorer) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+Prefix+"{$}", serveStatic)
	mux.HandleFunc("GET "+Prefix+"app.js", serveStatic)
	mux.HandleFunc("GET "+Prefix+"style.css", serveStatic)
	api := func(path string, allowed []string, f func(q url.Values, path func(string) string) (any, error)) {
		mux.HandleFunc("GET "+Prefix+"api/"+path, func(w http.ResponseWriter, r *http.Request) {
			q, err := query(r, allowed)
			if err != nil {
				writeError(w, http.StatusBadRequest, err.Error())
				return
			}
			v, err := f(q, r.PathValue)
			switch {
			case err == errNotFound:
				writeError(w, http.StatusNotFound, "explorer: no such "+strings.SplitN(path, "/", 2)[0]+" in the index (it keeps the newest tasks and batches only)")
			case err != nil:
				writeError(w, http.StatusBadRequest, err.Error())
			default:
				writeJSON(w, http.StatusOK, v)
			}
		})
	}
	api("summary", []string{"limit"}, x.summary)
	api("tasks", []string{"limit", "contract", "address", "status"}, x.tasks)
	api("task/{id}", nil, x.task)
	api("contracts", []string{"limit"}, x.contracts)
	api("contract/{id}", []string{"limit"}, x.contract)
	api("address/{address}", []string{"limit"}, x.address)
	api("batches", []string{"limit", "contract"}, x.batches)
	api("workers", nil, x.workers)
	api("epoch", nil, x.epoch)
	api("search", []string{"q"}, x.search)
	mux.HandleFunc(Prefix+"api/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "explorer: the API is read-only: use GET")
			return
		}
		writeError(w, http.StatusNotFound, "explorer: no such API path; see docs/explorer.md for summary, tasks, task/{id}, contracts, contract/{id}, address/{address}, batches, workers, epoch, search")
	})
	mux.HandleFunc(Prefix, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "the explorer is read-only: use GET", http.StatusMethodNotAllowed)
			return
		}
		http.Error(w, "no such page: the explorer is at "+Prefix, http.StatusNotFound)
	})
	return securityHeaders(mux)
}

// securityHeaders sets the headers every answer carries.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

func serveStatic(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, Prefix)
	file := name
	if file == "" {
		file = "index.html"
	}
	b, err := static.ReadFile("static/" + file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", staticFiles[name])
	w.Write(b)
}

var errNotFound = fmt.Errorf("not found")

// query checks the query string: only the allowed keys, each once, none
// long.
func query(r *http.Request, allowed []string) (url.Values, error) {
	if len(r.URL.RawQuery) > 512 {
		return nil, fmt.Errorf("explorer: the query string is %d bytes, over 512", len(r.URL.RawQuery))
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, fmt.Errorf("explorer: the query string is not URL-encoded: %v", err)
	}
	for k, v := range q {
		ok := false
		for _, a := range allowed {
			ok = ok || k == a
		}
		if !ok {
			if len(allowed) == 0 {
				return nil, fmt.Errorf("explorer: parameter %q is not known: this path takes none", clip(k))
			}
			return nil, fmt.Errorf("explorer: parameter %q is not known: this path takes %s", clip(k), strings.Join(allowed, ", "))
		}
		if len(v) != 1 {
			return nil, fmt.Errorf("explorer: parameter %q is given %d times; give it once", k, len(v))
		}
	}
	return q, nil
}

// clip shortens what a caller sent for an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func limit(q url.Values) (int, error) {
	s := q.Get("limit")
	if s == "" {
		return defaultLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxLimit {
		return 0, fmt.Errorf("explorer: limit %q is not a whole number from 1 to %d", clip(s), MaxLimit)
	}
	return n, nil
}

var (
	hashRE    = regexp.MustCompile(`^0x[0-9a-fA-F]{64}$`)
	addressRE = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)
)

func parseHash(what, s string) (common.Hash, error) {
	if !hashRE.MatchString(s) {
		return common.Hash{}, fmt.Errorf("explorer: %s %q is not 0x and 64 hex digits", what, clip(s))
	}
	return common.HexToHash(s), nil
}

func parseAddress(what, s string) (common.Address, error) {
	if !addressRE.MatchString(s) {
		return common.Address{}, fmt.Errorf("explorer: %s %q is not 0x and 40 hex digits", what, clip(s))
	}
	return common.HexToAddress(s), nil
}

// list is a page of items and how many there are in all.
type list[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

// Summary is the home page's answer.
type Summary struct {
	Head      uint64         `json:"head"`
	Epoch     *Epoch         `json:"epoch"`
	Workers   []Worker       `json:"workers"`
	Tasks     list[Task]     `json:"tasks"`
	Contracts list[Contract] `json:"contracts"`
	Batches   list[Batch]    `json:"batches"`
}

func (x *Explorer) summary(q url.Values, _ func(string) string) (any, error) {
	n, err := limit(q)
	if err != nil {
		return nil, err
	}
	var s Summary
	x.read(func(idx *Index) {
		s.Head, s.Epoch, s.Workers = idx.Head(), idx.Epoch(), idx.WorkerList()
		s.Tasks.Items, s.Tasks.Total = idx.Tasks(TaskFilter{}, n)
		s.Contracts.Items, s.Contracts.Total = idx.Contracts(n)
		s.Batches.Items, s.Batches.Total = idx.Batches(nil, n)
	})
	return s, nil
}

var statuses = []string{StatusCreated, StatusVerified, StatusFailed, StatusFailedETH, StatusRefunded}

func (x *Explorer) tasks(q url.Values, _ func(string) string) (any, error) {
	n, err := limit(q)
	if err != nil {
		return nil, err
	}
	var f TaskFilter
	if s := q.Get("contract"); s != "" {
		h, err := parseHash("contract", s)
		if err != nil {
			return nil, err
		}
		f.Contract = &h
	}
	if s := q.Get("address"); s != "" {
		a, err := parseAddress("address", s)
		if err != nil {
			return nil, err
		}
		f.Address = &a
	}
	if s := q.Get("status"); s != "" {
		ok := false
		for _, st := range statuses {
			ok = ok || s == st
		}
		if !ok {
			return nil, fmt.Errorf("explorer: status %q is none of %s", clip(s), strings.Join(statuses, ", "))
		}
		f.Status = s
	}
	var l list[Task]
	x.read(func(idx *Index) { l.Items, l.Total = idx.Tasks(f, n) })
	return l, nil
}

func (x *Explorer) task(_ url.Values, path func(string) string) (any, error) {
	id, err := parseHash("task id", path("id"))
	if err != nil {
		return nil, err
	}
	var t Task
	var ok bool
	x.read(func(idx *Index) { t, ok = idx.Task(id) })
	if !ok {
		return nil, errNotFound
	}
	return t, nil
}

func (x *Explorer) contracts(q url.Values, _ func(string) string) (any, error) {
	n, err := limit(q)
	if err != nil {
		return nil, err
	}
	var l list[Contract]
	x.read(func(idx *Index) { l.Items, l.Total = idx.Contracts(n) })
	return l, nil
}

// ContractPage is a contract with its newest tasks and batches.
type ContractPage struct {
	Contract Contract    `json:"contract"`
	Tasks    list[Task]  `json:"tasks"`
	Batches  list[Batch] `json:"batches"`
}

func (x *Explorer) contract(q url.Values, path func(string) string) (any, error) {
	n, err := limit(q)
	if err != nil {
		return nil, err
	}
	id, err := parseHash("contract", path("id"))
	if err != nil {
		return nil, err
	}
	var p ContractPage
	var ok bool
	x.read(func(idx *Index) {
		if p.Contract, ok = idx.Contract(id); ok {
			p.Tasks.Items, p.Tasks.Total = idx.Tasks(TaskFilter{Contract: &id}, n)
			p.Batches.Items, p.Batches.Total = idx.Batches(&id, n)
		}
	})
	if !ok {
		return nil, errNotFound
	}
	return p, nil
}

// AddressPage is an account's tasks (as sender or worker) and, for a
// worker's custodian or signer, the worker.
type AddressPage struct {
	Address common.Address `json:"address"`
	Worker  *Worker        `json:"worker,omitempty"`
	Tasks   list[Task]     `json:"tasks"`
}

func (x *Explorer) address(q url.Values, path func(string) string) (any, error) {
	n, err := limit(q)
	if err != nil {
		return nil, err
	}
	a, err := parseAddress("address", path("address"))
	if err != nil {
		return nil, err
	}
	p := AddressPage{Address: a}
	x.read(func(idx *Index) {
		if w, ok := idx.Worker(a); ok {
			p.Worker = &w
			a = w.Custodian // the tasks name the custodian
		}
		p.Tasks.Items, p.Tasks.Total = idx.Tasks(TaskFilter{Address: &a}, n)
	})
	return p, nil
}

func (x *Explorer) batches(q url.Values, _ func(string) string) (any, error) {
	n, err := limit(q)
	if err != nil {
		return nil, err
	}
	var c *common.Hash
	if s := q.Get("contract"); s != "" {
		h, err := parseHash("contract", s)
		if err != nil {
			return nil, err
		}
		c = &h
	}
	var l list[Batch]
	x.read(func(idx *Index) { l.Items, l.Total = idx.Batches(c, n) })
	return l, nil
}

func (x *Explorer) workers(url.Values, func(string) string) (any, error) {
	var l []Worker
	x.read(func(idx *Index) { l = idx.WorkerList() })
	return l, nil
}

func (x *Explorer) epoch(url.Values, func(string) string) (any, error) {
	var e *Epoch
	x.read(func(idx *Index) { e = idx.Epoch() })
	if e == nil {
		return nil, errNotFound
	}
	return e, nil
}

// Match is a search result: what the id names, where its page is.
type Match struct {
	Kind string `json:"kind"` // task, contract, address
	ID   string `json:"id"`
}

func (x *Explorer) search(q url.Values, _ func(string) string) (any, error) {
	s := strings.TrimSpace(q.Get("q"))
	if s == "" {
		return nil, fmt.Errorf("explorer: search for a task id, contract (0x and 64 hex digits) or account address (0x and 40 hex digits): q is empty")
	}
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") {
		s = "0x" + s
	}
	s = "0x" + s[2:]
	out := []Match{}
	switch {
	case hashRE.MatchString(s):
		h := common.HexToHash(s)
		x.read(func(idx *Index) {
			if _, ok := idx.Task(h); ok {
				out = append(out, Match{Kind: "task", ID: h.Hex()})
			}
			if _, ok := idx.Contract(h); ok {
				out = append(out, Match{Kind: "contract", ID: h.Hex()})
			}
		})
	case addressRE.MatchString(s):
		out = append(out, Match{Kind: "address", ID: common.HexToAddress(s).Hex()})
	default:
		return nil, fmt.Errorf("explorer: %q is neither a task id or contract (0x and 64 hex digits) nor an account address (0x and 40 hex digits)", clip(q.Get("q")))
	}
	return out, nil
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}
