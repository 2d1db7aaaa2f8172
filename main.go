// Command nianbao is a terminal editor and checker for the annual report on
// building rule-of-law government (法治政府建设年度报告).
package main

import (
	"os"

	"nianbao/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.SystemStreams()))
}
