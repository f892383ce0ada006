package main

import (
	"context"
	"fmt"
	"strings"

	q "kbapi/daskeyboardq"
)

func qClient(base string) *q.APIClient {
	cfg := q.NewConfiguration()
	cfg.Servers = q.ServerConfigurations{{URL: base}}
	cfg.HTTPClient = httpClient
	return q.NewAPIClient(cfg)
}

func newSignal(name string, zone string) q.SignalCreate {
	signal := q.NewSignalCreate(name, "DK5QPID", zone, "#FF0000")
	signal.SetEffect("SET_COLOR")
	return *signal
}

func qLocalFlow(base string) {
	ctx := context.Background()
	client := qClient(base)
	created, response, err := client.SignalsAPI.CreateSignal(ctx).SignalCreate(newSignal("go", "KEY_Q")).Execute()
	must(err, "POST /api/1.0/signals")
	check(response.StatusCode == 200, "POST /api/1.0/signals -> %d", response.StatusCode)
	check(created.ZoneId == "KEY_Q" && created.Color == "#FF0000", "echoed signal differs: %+v", created)
	fmt.Printf("signal %d created\n", created.Id)

	shadows, response, err := client.ShadowsAPI.GetShadows(ctx).Execute()
	must(err, "GET shadows")
	check(response.StatusCode == 200, "GET shadows -> %d", response.StatusCode)
	for _, shadow := range shadows {
		if shadow.Id == created.Id {
			check(shadow.Pid == "DK5QPID" && shadow.ZoneId == "KEY_Q" && shadow.Name == "go",
				"shadow %+v", shadow)
			check(strings.EqualFold(shadow.Color, "#FF0000"), "shadow colour %s", shadow.Color)
			fmt.Printf("shadow of %s/%s: %s\n", shadow.Pid, shadow.ZoneId, shadow.Color)
			return
		}
	}
	panic(fmt.Sprintf("signal %d not among %d shadows", created.Id, len(shadows)))
}

func withKey(key string) context.Context {
	return context.WithValue(context.Background(), q.ContextAPIKeys,
		map[string]q.APIKey{"apiKey": {Key: key}})
}

func qCloudFlow(base string, apiKey string) {
	client := qClient(base)
	_, response, err := client.UsersAPI.GetCurrentUser(withKey(apiKey + "-wrong")).Execute()
	check(err != nil && response != nil && response.StatusCode == 401,
		"a wrong API key must be refused with 401, got %v", response)

	ctx := withKey(apiKey)
	user, response, err := client.UsersAPI.GetCurrentUser(ctx).Execute()
	must(err, "GET /api/1.0/users/me")
	check(response.StatusCode == 200 && user.Email != "", "GET users/me -> %d", response.StatusCode)
	fmt.Printf("user: %s\n", user.Email)

	created, response, err := client.SignalsAPI.CreateSignal(ctx).SignalCreate(newSignal("go-cloud", "KEY_W")).Execute()
	must(err, "POST /api/1.0/signals")
	check(response.StatusCode == 200, "POST /api/1.0/signals -> %d", response.StatusCode)
	page, response, err := client.SignalsAPI.ListSignals(ctx).Execute()
	must(err, "GET /api/1.0/signals")
	check(response.StatusCode == 200, "GET /api/1.0/signals -> %d", response.StatusCode)
	for _, signal := range page.Content {
		if signal.Id == created.Id {
			check(signal.Pid == "DK5QPID" && signal.Name == "go-cloud", "listed signal %+v", signal)
			fmt.Printf("cloud signal %d listed for %s\n", signal.Id, user.Email)
			return
		}
	}
	panic(fmt.Sprintf("signal %d not among %d listed signals", created.Id, len(page.Content)))
}
