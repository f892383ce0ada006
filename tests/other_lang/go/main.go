// Smoke programs for the Go clients that openapi-generator builds from kbapi's specs.
//
//	smoke qmk BASE_URL               compile super16 on a QMK API server, poll to finished, fetch the firmware
//	smoke q-local BASE_URL           send a signal to a Q local server and find it in the shadows
//	smoke q-cloud BASE_URL API_KEY   create and list signals on a Q cloud server with the API key
//
// Prints "OK <name>" and exits 0 when every check holds; prints "FAIL <name>: ..." and exits 1 otherwise.
package main

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"
)

// httpClient bounds every request: a hung server fails the smoke run instead of stalling it.
var httpClient = &http.Client{Timeout: 10 * time.Second}

func check(condition bool, format string, args ...interface{}) {
	if !condition {
		panic(fmt.Sprintf("smoke check failed: "+format, args...))
	}
}

func must(err error, what string) {
	if err != nil {
		panic(fmt.Sprintf("%s: %v", what, err))
	}
}

func run(name string, flow func()) {
	defer func() {
		if problem := recover(); problem != nil {
			fmt.Fprintf(os.Stderr, "FAIL %s: %v\n", name, problem)
			os.Exit(1)
		}
	}()
	flow()
	fmt.Printf("OK %s\n", name)
}

func main() {
	args := os.Args[1:]
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: smoke qmk|q-local BASE_URL | smoke q-cloud BASE_URL API_KEY")
		os.Exit(2)
	}
	base := strings.TrimRight(args[1], "/")
	switch {
	case args[0] == "qmk":
		run("qmk_smoke", func() { qmkFlow(base) })
	case args[0] == "q-local":
		run("q_smoke", func() { qLocalFlow(base) })
	case args[0] == "q-cloud" && len(args) == 3:
		run("q_cloud_smoke", func() { qCloudFlow(base, args[2]) })
	default:
		fmt.Fprintf(os.Stderr, "unknown or incomplete command %q\n", strings.Join(args, " "))
		os.Exit(2)
	}
}
