package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"kbapi/qmk"
)

const (
	maxPolls = 100
	pollWait = 100 * time.Millisecond
)

func super16() qmk.Keymap {
	layer := []string{
		"RM_TOGG", "KC_1", "KC_U", "KC_P", "RM_NEXT", "KC_1", "KC_U", "KC_P",
		"RM_TOGG", "KC_1", "KC_U", "KC_P", "RM_NEXT", "KC_1", "KC_U", "KC_P",
	}
	return *qmk.NewKeymap("1upkeyboards/super16", "default", "LAYOUT_ortho_4x4", [][]string{layer})
}

func waitFinished(ctx context.Context, client *qmk.APIClient, jobID string) *qmk.CompileJob {
	for poll := 0; poll < maxPolls; poll++ {
		job, response, err := client.CompileAPI.GetCompileJob(ctx, jobID).Execute()
		must(err, "GET /v1/compile/"+jobID)
		check(response.StatusCode == 200, "GET /v1/compile/%s -> %d", jobID, response.StatusCode)
		fmt.Printf("poll %d: status=%s\n", poll, job.GetStatus())
		switch job.GetStatus() {
		case "finished":
			return job
		case "queued", "running":
			time.Sleep(pollWait)
		default:
			panic(fmt.Sprintf("unexpected status %q", job.GetStatus()))
		}
	}
	panic(fmt.Sprintf("job %s not finished after %d polls", jobID, maxPolls))
}

func qmkFlow(base string) {
	ctx := context.Background()
	cfg := qmk.NewConfiguration()
	cfg.Servers = qmk.ServerConfigurations{{URL: base}}
	cfg.HTTPClient = httpClient
	client := qmk.NewAPIClient(cfg)

	enqueued, response, err := client.CompileAPI.SubmitCompile(ctx).Keymap(super16()).Execute()
	must(err, "POST /v1/compile")
	check(response.StatusCode == 200 && enqueued.Enqueued, "POST /v1/compile -> %d", response.StatusCode)
	fmt.Printf("job %s enqueued\n", enqueued.JobId)

	job := waitFinished(ctx, client, enqueued.JobId)
	check(!job.GetIsFailed(), "is_failed is true")
	result, ok := job.GetResultOk()
	check(ok && result != nil, "finished job without result")
	urls := result.GetFirmwareBinaryUrl()
	check(len(urls) == 1 && strings.Contains(urls[0], enqueued.JobId), "firmware_binary_url %v", urls)
	fmt.Printf("firmware: %s (%s)\n", urls[0], result.GetFirmwareFilename())

	download, err := client.CompileAPI.DownloadFirmware(ctx, enqueued.JobId).Execute()
	must(err, "GET firmware")
	defer download.Body.Close()
	firmware, err := io.ReadAll(download.Body)
	must(err, "read firmware")
	check(download.StatusCode == 200 && len(firmware) > 0, "firmware download -> %d, %d bytes",
		download.StatusCode, len(firmware))
	fmt.Printf("firmware bytes: %d\n", len(firmware))
}
