import Foundation
import PDFLayout
import XCTest

/// Passwords reach poppler as poppler-glib gave them: ISO-8859-1 where the password has no
/// other characters (PDF 1.4 writers set 40/128-bit RC4 passwords as bytes, commonly Latin-1),
/// else as the UTF-8 the user typed.
final class PasswordTests: XCTestCase {
    /// A one-page PDF, standard security handler revision 2 (RC4, 40-bit), user password
    /// "café" in ISO-8859-1 (63 61 66 E9), written by Python's hashlib and a few lines of RC4.
    private static let generator = #"""
import hashlib, sys
PAD = bytes.fromhex('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A')
def rc4(key, data):
    s = list(range(256)); j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256; s[i], s[j] = s[j], s[i]
    i = j = 0; out = bytearray()
    for b in data:
        i = (i + 1) % 256; j = (j + s[i]) % 256; s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)
pad = lambda p: (p + PAD)[:32]
user, owner = 'café'.encode('latin-1'), b'owner-secret'
O = rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))
P = -44
ID = bytes(range(16))
key = hashlib.md5(pad(user) + O + P.to_bytes(4, 'little', signed=True) + ID).digest()[:5]
U = rc4(key, PAD)
def enc(num, data):
    return rc4(hashlib.md5(key + num.to_bytes(3, 'little') + (0).to_bytes(2, 'little')).digest()[:10], data)
content = b'BT /F1 12 Tf 20 100 Td (Total 1,234.00) Tj ET'
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
        b'<< /Length %d >>\nstream\n' % len(content) + enc(5, content) + b'\nendstream',
        b'<< /Filter /Standard /V 1 /R 2 /O <' + O.hex().encode() + b'> /U <' + U.hex().encode() + b'> /P %d >>' % P]
out = bytearray(b'%PDF-1.4\n'); offs = []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b'%d 0 obj\n' % (i + 1) + o + b'\nendobj\n'
x = len(out)
out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
for o in offs: out += b'%010d 00000 n \n' % o
out += b'trailer\n<< /Size %d /Root 1 0 R /Encrypt 6 0 R /ID [<' % (len(objs) + 1) + ID.hex().encode() + b'> <' + ID.hex().encode() + b'>] >>\nstartxref\n%d\n%%%%EOF\n' % x
open(sys.argv[1], 'wb').write(out)
"""#

    private func made() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("password-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("latin1.pdf").path
        guard runCommand("python3", ["-c", Self.generator, path]) != nil else { throw XCTSkip("python3 is not available") }
        return path
    }

    func testALatin1PasswordTypedAsUTF8Opens() throws {
        let path = try made()
        let page = try PDFDocument(path: path, password: "café").page(1)
        XCTAssertEqual(page.words.map(\.text), ["Total", "1,234.00"])
    }

    func testAWrongOrMissingPasswordIsTold() throws {
        let path = try made()
        for (password, given) in [("cafe", true), ("café ", true)] {
            do { _ = try PDFDocument(path: path, password: password); XCTFail("opened with \(password)") } catch let e as PDFLayoutError {
                XCTAssertEqual(e.reason, .encrypted(passwordGiven: given))
            }
        }
        do { _ = try PDFDocument(path: path); XCTFail("opened without a password") } catch let e as PDFLayoutError {
            XCTAssertEqual(e.reason, .encrypted(passwordGiven: false))
        }
    }
}
