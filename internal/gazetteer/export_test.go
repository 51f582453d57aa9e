package gazetteer

// ParseText is what Load runs on the embedded data, for BenchmarkParse.
var ParseText = parseText

// NormalizeRunes is Normalize's general path, which the ASCII fast path must agree with.
var NormalizeRunes = normalizeRunes
