import BudgetExport
import FoundationEssentials

/// Merges batch output folders (shards) into one: each complete document folder is
/// copied once (documents are keyed by content, so shards never disagree), the error
/// lists are joined, and the combined dataset is rebuilt.
public enum BatchMerge {
    public static func merge(_ folders: [String], into out: String) throws -> Int {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: out).appendingPathComponent("documents")
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        var errors: [[String]] = []
        for folder in folders {
            let root = URL(fileURLWithPath: folder).appendingPathComponent("documents")
            for id in (try? fm.contentsOfDirectory(atPath: root.path))?.sorted() ?? [] where !id.hasPrefix(".") {
                let source = root.appendingPathComponent(id), destination = target.appendingPathComponent(id)
                guard Dataset.isComplete(source), !Dataset.isComplete(destination) else { continue }
                try? fm.removeItem(at: destination)
                try fm.copyItem(at: source, to: destination)
            }
            if let text = try? String(contentsOfFile: folder + "/errors.csv", encoding: .utf8) {
                errors += text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { [$0] }
            }
        }
        let lines = Array(Set(errors.map { $0[0] })).sorted()
        var data = Data("path,sha256,reason\r\n".utf8)
        for l in lines { data.append(Data((l + "\r\n").utf8)) }
        try AtomicFile.write(data, to: out + "/errors.csv")
        return try Dataset.build(out).documents
    }
}
