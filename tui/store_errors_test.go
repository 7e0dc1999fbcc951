package tui

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"caseload/store"
)

// TestASaveTheFileRefusesIsShownInPlace: when the file cannot take a write
// (here another window holds the write lock), the form says so in words,
// keeps everything typed, writes nothing, and saves once the file is free.
func TestASaveTheFileRefusesIsShownInPlace(t *testing.T) {
	ctx := context.Background()
	fixture := fixtureStore(t)
	copyPath := fixture.Path() // a private copy, reopened with a short busy timeout
	fixture.Close()
	st, err := store.Open(ctx, copyPath, store.WithClock(func() time.Time { return frozen }), store.WithBusyTimeout(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	other, err := sql.Open("sqlite", "file:"+copyPath+"?_pragma=busy_timeout(50)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}

	h := start(t, st, 80, 24)
	h.keys("/", "c", "a", "r", "enter", "c")
	h.keys("2", "2", "4")
	h.typeText("Typed while the other window wrote.")
	h.keys("ctrl+s")
	if h.app.form() == nil {
		t.Fatal("the form closed although nothing could be saved")
	}
	screen := h.screen()
	if !strings.Contains(screen, "another caseload window is writing") || strings.Contains(screen, "goroutine") {
		t.Fatalf("the refusal is not shown in words in place:\n%s", screen)
	}
	if !strings.Contains(screen, "Typed while the other window wrote.") {
		t.Fatalf("the form lost what was typed:\n%s", screen)
	}
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM checkins WHERE note = 'Typed while the other window wrote.'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("a refused save wrote %d rows (%v)", n, err)
	}

	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the save did not go through once the file was free:\n%s", h.screen())
	}
	h.mustSee("Check-in saved.")
}
