import FoundationEssentials

/// The key that links one entity's documents across years when its printed name changes
/// between full and short forms. It is the printed name rewritten by these rules, in order
/// (README, "Entities across years"), so it stays readable:
///
/// 1. Whitespace dropped; full-width brackets as half-width.
/// 2. 中国共产党…委员会 → 中共…委 (中国共产党江苏省委员会办公厅 → 中共江苏省委办公厅).
/// 3. 中国人民政治协商会议…委员会 → …政协 (中国人民政治协商会议江苏省委员会办公厅 → 江苏省政协办公厅).
/// 4. …人民代表大会常务委员会 and …人大常务委员会 → …人大常委会.
/// 5. A final 办公室 → 办公厅 (the same office printed either way).
/// 6. A final 部门 or 单位 (本部门, 本单位 headings read as part of the name) dropped.
///
/// A batch manifest's `entity_id` column overrides the result for its document, for the
/// renamings no rule can know (a merged or renamed department).
public enum EntityID {
    public static func of(_ entity: String?) -> String? {
        guard var e = entity?.filter({ !$0.isWhitespace }), !e.isEmpty else { return nil }
        e = e.replacing("（", with: "(").replacing("）", with: ")")
        e = rewrite(e, prefix: "中国共产党", infix: "委员会", as: { "中共" + $0 + "委" })
        e = rewrite(e, prefix: "中国人民政治协商会议", infix: "委员会", as: { $0 + "政协" })
        for long in ["人民代表大会常务委员会", "人大常务委员会"] { e = e.replacing(long, with: "人大常委会") }
        if e.hasSuffix("办公室") { e = String(e.dropLast(3)) + "办公厅" }
        for suffix in ["部门", "单位"] where e.hasSuffix(suffix) && e.count > suffix.count + 2 { e.removeLast(suffix.count) }
        return e
    }

    /// `prefix` + region + `infix` + rest → `form(region)` + rest, the region being the
    /// shortest text before `infix`.
    private static func rewrite(_ e: String, prefix: String, infix: String, as form: (String) -> String) -> String {
        guard e.hasPrefix(prefix) else { return e }
        let rest = e.dropFirst(prefix.count)
        guard let r = rest.firstRange(of: infix), r.lowerBound > rest.startIndex else { return e }
        return form(String(rest[..<r.lowerBound])) + rest[r.upperBound...]
    }

    /// How names were grouped: one line per entity_id printed under more than one name,
    /// for the batch to show (`中共江苏省委办公厅 ← 中国共产党江苏省委员会办公厅 (2017), 中共江苏省委办公厅 (2018)`).
    static func groups(_ documents: [(entityID: String?, entity: String?, year: Int?)]) -> [String] {
        var names: [String: [String: Set<Int>]] = [:]
        for d in documents {
            guard let id = d.entityID, let name = d.entity else { continue }
            names[id, default: [:]][name, default: []].formUnion(d.year.map { [$0] } ?? [])
        }
        return names.keys.sorted().compactMap { id in
            let byName = names[id]!
            guard byName.count > 1 else { return nil }
            let listed = byName.keys.sorted().map { n in
                let years = byName[n]!.sorted().map(String.init).joined(separator: ", ")
                return years.isEmpty ? n : "\(n) (\(years))"
            }
            return "entity_id \(id) ← " + listed.joined(separator: "; ")
        }
    }
}
