package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"filippo.io/age"
)

// ErrWrongPassphrase is returned when a passphrase does not open an
// encrypted backup.
var ErrWrongPassphrase = errors.New("the passphrase does not open this file")

// ageHeader starts every age file.
const ageHeader = "age-encryption.org/v1\n"

// DefaultWorkFactor is age's scrypt cost (log2 of N): about a second on a
// laptop, which makes guessing a passphrase slow.
const DefaultWorkFactor = 18

// IsEncrypted reports whether the file at path is age-encrypted.
func IsEncrypted(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, len(ageHeader))
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return string(buf[:n]) == ageHeader, nil
}

// EncryptWriter returns a writer that encrypts what is written to dst with
// passphrase (age, scrypt, at workFactor or DefaultWorkFactor when 0);
// closing it finishes the file but does not close dst. Exports that leave the
// laptop use it too.
func EncryptWriter(dst io.Writer, passphrase string, workFactor int) (io.WriteCloser, error) {
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	if workFactor <= 0 {
		workFactor = DefaultWorkFactor
	}
	r.SetWorkFactor(workFactor)
	w, err := age.Encrypt(dst, r)
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	return w, nil
}

// encryptFile writes src, encrypted, into dst, an existing empty file, and
// makes it durable.
func encryptFile(src, dst, passphrase string, workFactor int) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	defer out.Close()
	if err := encryptStream(in, out, passphrase, workFactor); err != nil {
		return err
	}
	if err := out.Sync(); err != nil {
		return explain(err)
	}
	return out.Close()
}

// encryptStream writes what in holds, encrypted, to out.
func encryptStream(in io.Reader, out io.Writer, passphrase string, workFactor int) error {
	buf := bufio.NewWriter(out)
	w, err := EncryptWriter(buf, passphrase, workFactor)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, in); err != nil {
		return explain(err)
	}
	if err := w.Close(); err != nil {
		return explain(err)
	}
	return explain(buf.Flush())
}

// decryptFile writes the decrypted src into dst, an existing empty file.
func decryptFile(src, dst, passphrase string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return fmt.Errorf("decrypt: %w", err)
	}
	r, err := age.Decrypt(bufio.NewReader(in), id)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) || errors.Is(err, age.ErrIncorrectIdentity) {
			return ErrWrongPassphrase
		}
		return fmt.Errorf("decrypt: %w", err)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	defer out.Close()
	if _, err := io.Copy(out, r); err != nil {
		return fmt.Errorf("decrypt: %w", explain(err))
	}
	if err := out.Sync(); err != nil {
		return explain(err)
	}
	return out.Close()
}
