package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"
)

// minPassphrase is the shortest passphrase accepted for a new encrypted file:
// it is all that protects a backup left on a lost USB stick.
const minPassphrase = 10

// passphraseFor returns a function that gets the passphrase of an encrypted
// file: from $CASELOAD_PASSPHRASE (for scripts), else typed at the terminal
// without echo; a new one is typed twice.
func passphraseFor(e *env, prompt string, isNew bool) func() (string, error) {
	return func() (string, error) {
		if p := e.getenv("CASELOAD_PASSPHRASE"); p != "" {
			return checkNew(p, isNew)
		}
		f, ok := e.stdin.(*os.File)
		if !ok || !term.IsTerminal(f.Fd()) {
			return "", errors.New("no passphrase: type it at a terminal, or set CASELOAD_PASSPHRASE")
		}
		p, err := readSecret(e, f, prompt)
		if err != nil {
			return "", err
		}
		if isNew {
			again, err := readSecret(e, f, "Type it again: ")
			if err != nil {
				return "", err
			}
			if again != p {
				return "", errors.New("the two passphrases differ")
			}
		}
		return checkNew(p, isNew)
	}
}

func readSecret(e *env, f *os.File, prompt string) (string, error) {
	fmt.Fprint(e.stderr, prompt)
	b, err := term.ReadPassword(f.Fd())
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("read the passphrase: %w", err)
	}
	return string(b), nil
}

func checkNew(p string, isNew bool) (string, error) {
	if isNew && len([]rune(p)) < minPassphrase {
		return "", fmt.Errorf("the passphrase must be at least %d characters: a few words are easier to remember than symbols", minPassphrase)
	}
	if p == "" {
		return "", errors.New("the passphrase is empty")
	}
	return p, nil
}
