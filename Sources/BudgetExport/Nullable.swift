/// An optional that is written as `null` when absent. Synthesised `Encodable` leaves nil
/// optionals out; the published formats list every key, so readers can rely on it.
struct Nullable<Wrapped: Encodable>: Encodable {
    var value: Wrapped?

    init(_ value: Wrapped?) { self.value = value }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let value { try c.encode(value) } else { try c.encodeNil() }
    }
}
