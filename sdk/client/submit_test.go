package client

import "testing"

func TestEpochRoom(t *testing.T) {
	for _, c := range []struct {
		head, first, size uint64
		have              bool
		want              room
	}{
		{0, 0, 10, false, roomNow},
		{100, 100, 10, true, roomNow},
		{106, 100, 10, true, roomNow},
		{107, 100, 10, true, roomWait}, // 107+3 reaches the due block 110
		{110, 100, 10, true, roomWait},
		{118, 100, 10, true, roomWait},
		{119, 100, 10, true, roomLate}, // 9 blocks overdue: the key manager is late
		{101, 100, 2, true, roomWait},  // tiny epochs: margin is half an epoch
		{100, 100, 2, true, roomNow},
		{100, 100, 1, true, roomNow}, // one-block epochs: no margin possible
	} {
		if got := epochRoom(c.head, c.first, c.size, c.have); got != c.want {
			t.Errorf("epochRoom(head %d, first %d, size %d) = %d, want %d", c.head, c.first, c.size, got, c.want)
		}
	}
}
