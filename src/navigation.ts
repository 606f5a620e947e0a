import { holdsPermission, type Permission, type Principal } from './kernel/access/index.ts';
import { paths } from './kernel/paths.ts';
import { words } from './platform/words/index.ts';

interface NavEntry {
  text: string;
  href: string;
  permission: Permission;
}

const ENTRIES: NavEntry[] = [
  { text: 'My data', href: paths.myData(), permission: 'view:organisation' },
  { text: words.signOffQueue.navigation, href: paths.signOffQueue(), permission: 'view:organisation' },
  { text: 'Plans', href: paths.plans(), permission: 'view:plans' },
  { text: 'Measures', href: paths.measures(), permission: 'view:plans' },
  { text: 'Performance', href: paths.performance(), permission: 'view:plans' },
  { text: 'Structure', href: paths.units(), permission: 'view:organisation' },
  { text: 'People', href: paths.people(), permission: 'view:organisation' },
  { text: 'Governance', href: paths.bodies(), permission: 'view:organisation' },
  { text: 'Partners', href: paths.partners(), permission: 'view:organisation' },
  { text: 'Framework', href: paths.framework(), permission: 'view:organisation' },
  { text: 'Audit', href: paths.audit(), permission: 'view:audit' },
];

/** GOV.UK service navigation items the person may use, with the current section marked. */
export function navigationFor(principal: Principal, currentUrl: string) {
  return ENTRIES.filter((entry) => holdsPermission(principal, entry.permission)).map((entry) => ({
    text: entry.text,
    href: entry.href,
    active: currentUrl === entry.href || currentUrl.startsWith(`${entry.href}/`),
  }));
}
