package io.parley.reply;

import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * Chinese numerals as people write them in replies: 五百, 一千二 (1200: a trailing digit after a unit counts in the
 * next lower unit), 两万五, 一千零五十, 十五, 二十, and runs of plain digits (一五 is not supported).
 */
final class ChineseNumber {
    static final String DIGITS = "零〇一二两三四五六七八九";
    static final String CHARS = DIGITS + "十百千万";

    private ChineseNumber() {
    }

    static OptionalLong parse(String text) {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        long total = 0;
        long section = 0;
        long number = -1;
        long lastUnit = 0;
        boolean zeroSinceUnit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = digit(c);
            if (digit >= 0) {
                if (number >= 0) {
                    return OptionalLong.empty();
                }
                if (digit == 0) {
                    zeroSinceUnit = true;
                } else {
                    number = digit;
                }
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10000;
                default -> -1;
            };
            if (unit < 0) {
                return OptionalLong.empty();
            }
            if (unit == 10000) {
                section += Math.max(number, 0);
                total += (section == 0 ? 1 : section) * 10000;
                section = 0;
            } else {
                if (number < 0 && unit != 10) {
                    return OptionalLong.empty();
                }
                section += (number < 0 ? 1 : number) * unit;
            }
            number = -1;
            lastUnit = unit;
            zeroSinceUnit = false;
        }
        if (number >= 0) {
            if (lastUnit >= 100 && !zeroSinceUnit) {
                number *= lastUnit / 10;
            }
            section += number;
        }
        return OptionalLong.of(total + section);
    }

    static BigDecimal parseOrDigits(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return new BigDecimal(text);
        }
        OptionalLong value = parse(text);
        return value.isPresent() ? BigDecimal.valueOf(value.getAsLong()) : null;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
