package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/parley-news/parley/internal/dossier"
	"github.com/parley-news/parley/internal/facts"
	"github.com/parley-news/parley/internal/report"
	"github.com/parley-news/parley/internal/store"
)

func runReport(ctx context.Context, env *Env, args []string) int {
	fs := newFlags(env, "report", "--out DIR [--dossier FILE] [flags]",
		"Writes an HTML report of the record into DIR: the timeline and, with a dossier, the\n"+
			"issue × party matrix, drawn as SVG and PNG, with the evidence behind each cell.\n"+
			"Everything is drawn locally; the report needs no network to open.")
	var db string
	dbFlag(fs, &db)
	out := fs.String("out", "", "`dir`ectory to write the report into (created if missing)")
	file := fs.String("dossier", "", "dossier `file` (YAML): adds the position matrix")
	from := fs.String("from", "", "timeline from `date` (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := fs.String("to", "", "timeline to `date`")
	title := fs.String("title", "", "report `title` (default: the dossier's negotiation)")
	if _, stop := parse(fs, args); stop >= 0 {
		return stop
	}
	if *out == "" {
		fmt.Fprintf(env.Stderr, "parley report: --out is required\n")
		return ExitUsage
	}
	if err := store.CheckRange(*from, *to); err != nil {
		fmt.Fprintf(env.Stderr, "parley report: %s\n", plain(err))
		return ExitUsage
	}
	var d *dossier.Dossier
	if *file != "" {
		var err error
		if d, err = dossier.Load(*file); err != nil {
			var errs dossier.Errors
			if errors.As(err, &errs) {
				for _, e := range errs {
					fmt.Fprintln(env.Stderr, e.Error())
				}
			} else {
				fmt.Fprintf(env.Stderr, "parley report: %s\n", plain(err))
			}
			return ExitFailed
		}
	}
	log := logger(env)
	st, err := openStore(ctx, env, db, log)
	if err != nil {
		return storeFailed(env, "report", err)
	}
	defer st.Close()
	data := report.Data{Title: *title}
	if data.Title == "" {
		data.Title = "The record"
		if d != nil && d.Negotiation != "" {
			data.Title = d.Negotiation
		}
	}
	if data.Timeline, err = facts.Timeline(ctx, st, facts.TimelineQuery{From: *from, To: *to}); err != nil {
		return storeFailed(env, "report", err)
	}
	if d != nil {
		fixes, err := cellCorrections(ctx, st)
		if err != nil {
			return storeFailed(env, "report", err)
		}
		cells, err := dossier.PositionsFrom(ctx, st, d, dossier.Options{Logger: log, Corrections: fixes})
		if err != nil {
			return storeFailed(env, "report", err)
		}
		data.Matrix = matrixOf(d, cells)
	}
	if err := report.Write(*out, data); err != nil {
		fmt.Fprintf(env.Stderr, "parley report: %s\n", plain(err))
		return ExitFailed
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", filepath.Join(*out, report.IndexFile))
	return ExitOK
}

// matrixOf turns the dossier's positions into the report's matrix.
func matrixOf(d *dossier.Dossier, cells []dossier.Position) *report.Matrix {
	m := &report.Matrix{Title: "Positions"}
	for _, is := range d.Issues {
		m.Issues = append(m.Issues, report.Issue{ID: is.ID, Label: is.Proposition})
	}
	for _, p := range d.Parties {
		m.Parties = append(m.Parties, p.Name)
	}
	deref := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	for _, c := range cells {
		cell := report.Cell{Issue: c.Issue, Party: c.Party, Stance: string(c.Stance), Since: deref(c.Since), Reported: c.Reported}
		for _, h := range c.History {
			date := deref(h.Date)
			if date == "" {
				date = "undated"
			}
			cell.History = append(cell.History, date+" "+string(h.Stance))
		}
		for _, e := range c.Evidence {
			cell.Evidence = append(cell.Evidence, report.Evidence{Source: e.Source, Span: e.Span, Text: e.Text,
				Speaker: deref(e.Speaker), ReportedBy: deref(e.ReportedBy), Date: deref(e.Date)})
		}
		m.Cells = append(m.Cells, cell)
	}
	return m
}
