/// Makes heading anchors: readable, URL-safe ids that keep Chinese text (`## 解决方法` → `解决方法`).
public enum HeadingAnchor {
    /// The anchor of a heading text, GitHub style: lower-case letters and digits of any script,
    /// spaces and hyphens become one `-`, other punctuation is dropped.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in SearchTokenizer.normalize(text).unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || scalar == "_" {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "\t" {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "section" : result
    }

    /// Gives each text its anchor, suffixing repeats `-1`, `-2`… so all are unique.
    ///
    /// Linear in the number of headings: each base remembers the next suffix to try, so 50,000
    /// copies of one heading do not each count up from `-1` again.
    public static func uniqueSlugs(_ texts: [String]) -> [String] {
        var used: Set<String> = []
        var nextSuffix: [String: Int] = [:]
        return texts.map { text in
            let base = slug(text)
            var candidate = base
            if used.contains(candidate) {
                // Every suffix below the remembered one is taken and stays taken.
                var counter = nextSuffix[base, default: 1]
                repeat {
                    candidate = "\(base)-\(counter)"
                    counter += 1
                } while used.contains(candidate)
                nextSuffix[base] = counter
            }
            used.insert(candidate)
            return candidate
        }
    }
}
