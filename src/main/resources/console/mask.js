// Contact addresses as a key that may not see them is shown them, the way the API masks them
// (GET /v1/cases/{caseId}/contact-points): enough to tell two apart, not enough to contact anyone.
export function mask(address) {
  if (!address) return address;
  const text = String(address);
  if (/^\+\d{5,}$/.test(text)) return text.slice(0, 3) + '*'.repeat(text.length - 5) + text.slice(-2);
  const at = text.lastIndexOf('@');
  if (at > 0 && !text.includes(' ')) return text[0] + '***' + text.slice(at);
  return text.length <= 2 ? '***' : text.slice(0, 2) + '***';
}

/** The members of timeline data that hold a contact address. */
export const ADDRESS_FIELDS = ['to', 'from', 'address', 'contactAddress', 'phone', 'email', 'openId'];
