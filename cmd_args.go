package main

import (
	"errors"
	"flag"
	"fmt"
)

// parseFiles parses flags that may come before or after the file arguments
// (`backup --encrypt out.db` and `backup out.db --encrypt`) and returns the
// files, between min and max of them.
func parseFiles(fs *flag.FlagSet, args []string, min, max int) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(files) < min:
		return nil, fmt.Errorf("%w: name the file", errUsage)
	case len(files) > max:
		return nil, fmt.Errorf("%w: unexpected %q", errUsage, files[max])
	}
	return files, nil
}
