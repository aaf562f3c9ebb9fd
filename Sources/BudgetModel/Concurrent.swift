import Dispatch

/// Runs independent pieces of a document's reading and checking on the machine's cores.
/// Each piece is pure (it reads values and returns one), so the result is the same as
/// running them one after the other, in the same order; only the wall time changes.
package enum Concurrent {
    /// `items.map(transform)`, the items spread over the cores.
    package static func map<T, U>(_ items: [T], _ transform: (T) -> U) -> [U] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        items.withUnsafeBufferPointer { input in
            withoutActuallyEscaping(transform) { transform in
                // Each iteration writes its own slot; concurrentPerform returns after the last.
                let shared = Unchecked((input: input, slots: slots, transform: transform))
                DispatchQueue.concurrentPerform(iterations: input.count) { i in
                    let (input, slots, transform) = shared.value
                    slots[i] = transform(input[i])
                }
            }
        }
        return slots.map { $0! }
    }

    /// `(first(), second())`, the two run at the same time.
    package static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        var a: A?, b: B?
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                withUnsafeMutablePointer(to: &a) { a in
                    withUnsafeMutablePointer(to: &b) { b in
                        let shared = Unchecked((first: first, second: second, a: a, b: b))
                        DispatchQueue.concurrentPerform(iterations: 2) { i in
                            let s = shared.value
                            if i == 0 { s.a.pointee = s.first() } else { s.b.pointee = s.second() }
                        }
                    }
                }
            }
        }
        return (a!, b!)
    }
}

/// Hands closures and buffers to the iterations of one `concurrentPerform`, which touch
/// disjoint parts of them and end before the call returns.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
