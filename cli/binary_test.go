package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// binary is the real caseload binary, built once for every test that drives
// it as an officer would (tmux, kill -9, two windows).
var binary struct {
	once sync.Once
	dir  string
	path string
	err  error
	out  []byte
}

// buildBinary returns the path of the binary built with CGO_ENABLED=0, as
// `make build` builds it.
func buildBinary(t testing.TB) string {
	t.Helper()
	binary.once.Do(func() {
		binary.dir, binary.err = os.MkdirTemp("", "caseload-bin-")
		if binary.err != nil {
			return
		}
		binary.path = filepath.Join(binary.dir, "caseload")
		cmd := exec.Command("go", "build", "-o", binary.path, "caseload")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		binary.out, binary.err = cmd.CombinedOutput()
	})
	if binary.err != nil {
		t.Fatalf("build: %v\n%s", binary.err, binary.out)
	}
	return binary.path
}

func TestMain(m *testing.M) {
	backupWorkFactor = 10 // age's real cost takes many seconds under the race detector
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	if err := stopAgencyCluster(); err != nil && code == 0 {
		code = 1
	}
	os.Exit(code)
}
