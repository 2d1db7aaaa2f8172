package model

import "strconv"

var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// ChineseNumeral writes 1..99 the way official documents number parts:
// 一, 十, 十一, 二十, 二十一.
func ChineseNumeral(n int) string {
	switch {
	case n <= 0:
		return strconv.Itoa(n)
	case n < 10:
		return chineseDigits[n]
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + chineseDigits[n-10]
	case n < 100:
		s := chineseDigits[n/10] + "十"
		if n%10 != 0 {
			s += chineseDigits[n%10]
		}
		return s
	}
	return strconv.Itoa(n)
}

// HeadingNumber is the number printed before a heading at the given level
// (1-based) and position (1-based), following GB/T 9704: 一、 （一） 1. （1）.
func HeadingNumber(level, index int) string {
	switch level {
	case 1:
		return ChineseNumeral(index) + "、"
	case 2:
		return "（" + ChineseNumeral(index) + "）"
	case 3:
		return strconv.Itoa(index) + "."
	default:
		return "（" + strconv.Itoa(index) + "）"
	}
}
