/// The records of a CSV text (RFC 4180): fields split at commas, a field in double quotes
/// may hold commas, line breaks and `""` for a quote; records end at CRLF, LF or CR. A
/// final line break does not start another record; an empty line is a record of no fields.
/// Read for manifests, which people write by hand or save from Excel: well-formed CSV gives
/// the records Python's csv module gives (`CSVRecordsTests`); where that module would guess
/// (a stray quote), this stops with the line instead.
enum CSVRecords {
    /// Where the text stops being CSV.
    struct Malformed: Error, CustomStringConvertible {
        /// 1-based line of the text.
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    static func parse(_ text: String) throws(Malformed) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false      // inside a quoted field
        var wasQuoted = false   // the current field was quoted (it ended at its closing quote)
        var line = 1
        var opened = 1          // the line the current quoted field opened on
        var bytes = Array(text.utf8)[...]

        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(record)
            record = []
        }

        while let byte = bytes.popFirst() {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if bytes.first == UInt8(ascii: "\"") {
                        bytes.removeFirst()
                        field.append(byte)
                    } else {
                        quoted = false
                        wasQuoted = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r"), bytes.first == UInt8(ascii: "\n") { bytes.removeFirst() }
                if field.isEmpty, record.isEmpty, !wasQuoted { records.append([]) } else { endRecord() }
                line += 1
            case UInt8(ascii: "\""):
                guard field.isEmpty, !wasQuoted else {
                    throw Malformed(line: line, reason: "a quote inside an unquoted field (write the field in quotes, the quote as \"\")")
                }
                quoted = true
                opened = line
            default:
                guard !wasQuoted else {
                    throw Malformed(line: line, reason: "text after a quoted field's closing quote")
                }
                field.append(byte)
            }
        }
        if quoted { throw Malformed(line: opened, reason: "a quoted field is not closed") }
        if !field.isEmpty || !record.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
