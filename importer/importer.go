// Package importer reads outside resource directories into model records:
// Open Referral HSDS 3.0 (a directory of CSV tables, or JSON as its API
// serves it) and a simple CSV with one resource per row. It only parses:
// saving is the store's job, so a file that cannot be read never reaches the
// database. Rows it cannot use are reported with their file, line and reason.
package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"caseload/model"
)

// Read reads the resource directory at path, telling the format from what
// path is: a directory is HSDS CSV; a .json file is HSDS JSON; a .csv file is
// a simple CSV; any other file is read as JSON when it starts like JSON and as
// a simple CSV otherwise.
func Read(path string) (model.ResourceImport, error) {
	info, err := os.Stat(path)
	if err != nil {
		return model.ResourceImport{}, fmt.Errorf("read %s: %w", path, err)
	}
	if info.IsDir() {
		return ReadHSDSDir(path)
	}
	data, err := readFile(path)
	if err != nil {
		return model.ResourceImport{}, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return ReadHSDSJSON(path, data)
	case ".csv":
		return ReadCSV(path, data)
	}
	if first := bytes.TrimLeft(trimBOM(data), " \t\r\n"); len(first) > 0 && (first[0] == '{' || first[0] == '[') {
		return ReadHSDSJSON(path, data)
	}
	return ReadCSV(path, data)
}
