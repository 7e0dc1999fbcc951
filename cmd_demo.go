package main

import (
	"context"
	"fmt"
	"time"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs, db := flags("demo", e)
	clients := fs.Int("clients", 120, "how many clients")
	seed := fs.Uint64("seed", 1, "the random seed: the same seed on the same day gives the same caseload")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *clients < 1 || *clients > 100000 {
		return fmt.Errorf("%w: --clients must be between 1 and 100000", errUsage)
	}
	path := dbPath(*db, e)
	s, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	began := time.Now()
	// The demo runs up to the start of today, so the same seed gives the same
	// caseload all day.
	rep, err := demo.Fill(ctx, s, demo.Options{Clients: *clients, Seed: *seed, Now: model.StartOfDay(time.Now())})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(e.stdout, "demo caseload in %s: %d clients, %d check-ins, %d stage notes, %d resources, %d referrals (%.1fs)\n",
		path, rep.Clients, rep.CheckIns, rep.StageNotes, rep.Resources, rep.Referrals, time.Since(began).Seconds())
	return nil
}
