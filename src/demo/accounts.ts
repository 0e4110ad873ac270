import type { Role } from '../core/policy.ts';

/** The demo logins printed at start and shown in the README. Fictional people only. */
export const DEMO_PASSWORD = 'Fodfaeste-demo-2026';

export const DEMO_ACCOUNTS: { role: Role; email: string; name: string; label: string }[] = [
  { role: 'counsellor', email: 'vejleder@demo.fodfaeste.dk', name: 'Mette Kjær', label: 'Ungevejleder' },
  { role: 'company_contact', email: 'virksomhed@demo.fodfaeste.dk', name: 'Jens Bøgh', label: 'Virksomhedskontakt' },
  { role: 'volunteer_mentor', email: 'mentor@demo.fodfaeste.dk', name: 'Hanne Lund', label: 'Frivillig erhvervsmentor' },
  { role: 'association_contact', email: 'forening@demo.fodfaeste.dk', name: 'Søren Dam', label: 'Foreningskontakt' },
  { role: 'young_person', email: 'ung@demo.fodfaeste.dk', name: 'Sofie Møller', label: 'Ung' },
  { role: 'steering_group', email: 'styregruppe@demo.fodfaeste.dk', name: 'Karen Vestergaard', label: 'Styregruppe' },
  { role: 'admin', email: 'admin@demo.fodfaeste.dk', name: 'Anders Holm', label: 'Administrator' },
];
