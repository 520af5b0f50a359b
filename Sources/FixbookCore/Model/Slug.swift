/// URL names of articles, categories and tags: `[a-z0-9-]`, never a path.
public enum Slug {
    /// Why a slug is not URL-safe, or nil when it is.
    public static func problem(_ slug: String) -> String? {
        if slug.isEmpty { return "is empty" }
        if slug.utf8.count > 100 { return "is longer than 100 characters" }
        let allowed = slug.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        if !allowed { return "may only contain a-z, 0-9 and '-'" }
        if slug.hasPrefix("-") || slug.hasSuffix("-") { return "may not start or end with '-'" }
        return nil
    }

    /// A URL-safe name made from any text: ASCII letters and digits kept (lower-cased), runs of
    /// anything else become one '-'. Text with no ASCII letters gets a stable hex name instead.
    public static func make(from text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in SearchTokenizer.normalize(text).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        result = String(result.prefix(80))
        while result.hasSuffix("-") { result.removeLast() }
        if result.isEmpty || text.unicodeScalars.contains(where: { $0.value > 0x7F }) && result.count < 2 {
            return "u" + stableHex(text)
        }
        return result
    }

    /// The file name without folders and extension.
    public static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    /// FNV-1a of the UTF-8 bytes: the same name on every run and machine.
    static func stableHex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
