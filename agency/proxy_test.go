package agency

import (
	"encoding/binary"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// cutProxy stands between a laptop and the server's Unix socket, passing
// PostgreSQL's messages through until a cue says to cut the connection:
// the way a train tunnel or a closing laptop lid cuts a sync.
type cutProxy struct {
	t      *testing.T
	dir    string
	target string
	ln     net.Listener

	mu  sync.Mutex
	cue func(msgType byte, body string) cut
	cut int // connections cut so far
}

// cut says what to do with a message the laptop sends.
type cut int

const (
	pass        cut = iota
	cutBefore       // the message never reaches the server
	cutAfterRun     // the server runs it; its reply never reaches the laptop
)

// newCutProxy listens in a folder of its own (a socket path must be short)
// and forwards to the server socket of target, a server URL.
func newCutProxy(t *testing.T, serverURL string) *cutProxy {
	t.Helper()
	u, err := url.Parse(serverURL)
	if err != nil {
		t.Fatal(err)
	}
	host := u.Query().Get("host")
	if host == "" || !strings.HasPrefix(host, "/") {
		t.Fatalf("the cut proxy needs the server on a Unix socket, not %q", host)
	}
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	dir, err := os.MkdirTemp("", "pgcut")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	ln, err := net.Listen("unix", filepath.Join(dir, ".s.PGSQL."+port))
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{t: t, dir: dir, target: filepath.Join(host, ".s.PGSQL."+port), ln: ln}
	t.Cleanup(func() { ln.Close() })
	go p.serve()
	return p
}

// url is serverURL reached through the proxy.
func (p *cutProxy) url(serverURL string) string {
	u, _ := url.Parse(serverURL)
	q := u.Query()
	q.Set("host", p.dir)
	u.RawQuery = q.Encode()
	return u.String()
}

// on sets the cue; nil passes everything.
func (p *cutProxy) on(cue func(msgType byte, body string) cut) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cue = cue
}

func (p *cutProxy) cuts() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cut
}

func (p *cutProxy) serve() {
	for {
		laptop, err := p.ln.Accept()
		if err != nil {
			return
		}
		server, err := net.Dial("unix", p.target)
		if err != nil {
			laptop.Close()
			continue
		}
		go p.relay(laptop, server)
	}
}

func (p *cutProxy) relay(laptop, server net.Conn) {
	var swallow sync.Once
	swallowing := make(chan struct{})
	done := make(chan struct{})
	// Server to laptop; once swallowing, the next reply is read and
	// dropped, then both ends are closed.
	go func() {
		defer close(done)
		buf := make([]byte, 32*1024)
		for {
			n, err := server.Read(buf)
			if n > 0 {
				select {
				case <-swallowing:
					laptop.Close()
					server.Close()
					return
				default:
				}
				if _, werr := laptop.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				laptop.Close()
				return
			}
		}
	}()
	defer func() {
		laptop.Close()
		<-done
		server.Close()
	}()
	// The startup message has no type byte.
	if err := forwardMessage(laptop, server, false, nil); err != nil {
		return
	}
	for {
		var decision cut
		err := forwardMessage(laptop, server, true, func(typ byte, body []byte) cut {
			p.mu.Lock()
			defer p.mu.Unlock()
			if p.cue == nil {
				return pass
			}
			decision = p.cue(typ, string(body))
			if decision != pass {
				p.cut++
			}
			if decision == cutAfterRun {
				// Before the message goes, so no byte of its reply passes.
				swallow.Do(func() { close(swallowing) })
			}
			return decision
		})
		if err != nil {
			return
		}
		if decision == cutAfterRun {
			<-done
			return
		}
	}
}

// forwardMessage copies one protocol message from the laptop to the server,
// unless decide says to cut before it.
func forwardMessage(from, to net.Conn, typed bool, decide func(byte, []byte) cut) error {
	var head []byte
	if typed {
		head = make([]byte, 5)
	} else {
		head = make([]byte, 4)
	}
	if _, err := io.ReadFull(from, head); err != nil {
		return err
	}
	size := binary.BigEndian.Uint32(head[len(head)-4:])
	if size < 4 {
		return errors.New("bad message length")
	}
	body := make([]byte, size-4)
	if _, err := io.ReadFull(from, body); err != nil {
		return err
	}
	if decide != nil && decide(head[0], body) == cutBefore {
		return errors.New("cut")
	}
	if _, err := to.Write(head); err != nil {
		return err
	}
	_, err := to.Write(body)
	return err
}
