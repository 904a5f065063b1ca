// Who a letter is from, as the reader sees it: the school's name as the sender, the curator as the
// address replies go to (not the service mailbox that sends), and the curator's signature.

export interface Sender {
  /** The sender name shown in the mail client: the school. */
  name: string;
  /** Replies from participants and parents reach the curator. */
  replyTo: string;
  /** Lines under every letter: the curator's name, the school, the phone. */
  signature: string[];
}

export interface SenderSettings {
  /** Short name from «Отчёты: название школы». */
  schoolName: string;
  /** Full name from «Документы: наименование организации». */
  orgName: string;
  curatorName: string;
  curatorEmail: string;
  curatorPhone: string;
}

const PROGRAMME = 'Программа наставничества';

/** `fallbackEmail`: the account the script runs as, when the curator's address is not set or wrong. */
export function senderOf(s: SenderSettings, fallbackEmail: string): Sender {
  const school = s.schoolName || s.orgName;
  return {
    name: school ? `${school}: наставничество` : PROGRAMME,
    replyTo: s.curatorEmail || fallbackEmail,
    signature: [
      'С уважением,',
      s.curatorName
        ? `${s.curatorName}, куратор программы наставничества`
        : 'Куратор программы наставничества',
      ...(s.orgName || s.schoolName ? [s.orgName || s.schoolName] : []),
      ...(s.curatorPhone ? [`Тел. ${s.curatorPhone}`] : []),
      ...(s.curatorEmail ? [s.curatorEmail] : []),
    ],
  };
}
