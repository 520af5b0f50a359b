import FixbookCore
import Testing

@Suite struct CodeNormalizerTests {
    @Test(arguments: [
        ("0x800CCC0F", "0x800CCC0F", CodeSystem.windowsMail),
        ("0x800ccc0f", "0x800CCC0F", .windowsMail),
        ("0X800CCC0F", "0x800CCC0F", .windowsMail),
        ("0x80004005", "0x80004005", .hresult),
        ("550", "550", .smtp),
        ("421", "421", .smtp),
        ("5.1.1", "5.1.1", .smtpEnhanced),
        ("4.4.7", "4.4.7", .smtpEnhanced),
        ("11004", "11004", .socket),
        ("598", "598", .smtp),
        ("sender is in prison", "sender is in prison", .message),
        ("  Relay   Access denied ", "relay access denied", .message),
        ("０ｘ８００ＣＣＣ０Ｆ", "0x800CCC0F", .windowsMail),
    ])
    func validCodes(written: String, key: String, system: CodeSystem) {
        guard case .valid(let code) = CodeNormalizer.parse(written) else {
            Issue.record("\(written) should be valid")
            return
        }
        #expect(code.key == key)
        #expect(code.system == system)
    }

    @Test func writtenFormIsKept() {
        guard case .valid(let code) = CodeNormalizer.parse("0x800ccc0f") else { return #expect(Bool(false)) }
        #expect(code.written == "0x800ccc0f")
    }

    @Test func letterOForZeroIsMalformedWithSuggestion() {
        #expect(
            CodeNormalizer.parse("0x800CCCOF")
                == .malformed(
                    reason: "'0x800CCCOF' contains a letter where a hex digit belongs (O for zero, l or I for one)",
                    suggestion: "0x800CCC0F"))
    }

    @Test(arguments: ["0x800CC79", "0x800CCC0FF", "0xZZZ", "5.1", "5.1.1.1", "9.1.1", "5..1"])
    func malformedCodes(written: String) {
        guard case .malformed = CodeNormalizer.parse(written) else {
            Issue.record("\(written) should be malformed")
            return
        }
    }

    @Test func smtpEnhancedWithoutDotsSuggestsDots() {
        guard case .malformed(_, let suggestion) = CodeNormalizer.parse("511", declared: .smtpEnhanced) else {
            return #expect(Bool(false))
        }
        #expect(suggestion == "5.1.1")
    }

    @Test(arguments: [
        ("0x800cccof", "0x800CCC0F"), ("800CCC0D", "0x800CCC0D"), ("800ccc0f", "0x800CCC0F"),
        ("0X800CCC0F", "0x800CCC0F"), ("5.1.1", "5.1.1"), ("552", "552"),
    ])
    func forgivingQueryKeys(query: String, key: String) {
        #expect(CodeNormalizer.forgivingKey(query) == key)
    }

    @Test(arguments: ["收不到外域邮件", "sender is in prison", "hello"])
    func nonCodeQueriesHaveNoKey(query: String) {
        #expect(CodeNormalizer.forgivingKey(query) == nil)
    }
}
