// Runs the public API of clockworksoul/daskeyboard-q-client (Go) against a local and a cloud Q server, so that
// tools/record_q_clients.py can record the requests it sends. kbapi's own driver; the client is imported
// from a checkout through a `replace` in the go.mod that the recorder writes.
// Usage: go run . LOCAL_URL CLOUD_URL API_KEY
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	qclient "github.com/clockworksoul/daskeyboard-q-client"
)

// step prints what one call returned; the client's decoding bugs surface here, not as a stop.
func step(name string, err error) {
	if err != nil {
		fmt.Printf("%s: error: %v\n", name, err)
		return
	}
	fmt.Printf("%s: ok\n", name)
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: go run . LOCAL_URL CLOUD_URL API_KEY")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	local, err := qclient.New(qclient.WithBackendURL(os.Args[1]))
	if err != nil {
		panic(err)
	}
	// The README example: a popup message and the Q key in solid red.
	signal := qclient.NewSignalRequest("New Q app version available", "#FF0000", qclient.KeyQ).
		WithMessage("Q App version 3 is available.").
		WithEffect(qclient.EffectSetColor)
	created, err := local.CreateSignal(ctx, signal)
	step("CreateSignal", err)
	_, err = local.GetShadows(ctx)
	step("GetShadows", err)
	_, err = local.GetShadowsByProductID(ctx, "DK5QPID")
	step("GetShadowsByProductID", err)
	_, err = local.GetShadowsByZoneID(ctx, "DK5QPID", qclient.Zone2D(2, 2))
	step("GetShadowsByZoneID", err)
	blink := qclient.NewSignalRequest("Blink", "#00FF00", qclient.Key(qclient.ZoneLinear(75))).
		WithEffect(qclient.EffectBlink).WithProductID("DK5QPID").WithMuted(true)
	_, err = local.CreateSignal(ctx, blink)
	step("CreateSignal linear", err)
	step("DeleteSignalByZoneID", local.DeleteSignalByZoneID(ctx, "DK5QPID", qclient.ZoneLinear(75)))
	step("DeleteSignalByID", local.DeleteSignalByID(ctx, created.SignalId))

	cloud, err := qclient.New(qclient.WithBackendURL(os.Args[2]), qclient.WithAPIKey(os.Args[3]))
	if err != nil {
		panic(err)
	}
	cloudSignal := qclient.NewSignalRequest("Cloud", "#0000FF", qclient.KeyA).WithProductID("DK5QPID")
	_, err = cloud.CreateSignal(ctx, cloudSignal)
	step("cloud CreateSignal", err)
	_, err = cloud.GetSignals(ctx, 0, 10, "createdAt", false)
	step("cloud GetSignals", err)
}
