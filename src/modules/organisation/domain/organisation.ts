import { z } from 'zod';

/** A new council on this installation, with its first administrator. */
export const organisationInput = z.object({
  name: z
    .string({ message: 'Give the organisation a name (--name)' })
    .trim()
    .min(3, 'The name must be at least 3 characters (--name)'),
  slug: z
    .string({ message: 'Give a short web name (--slug), like ashdown-vale' })
    .trim()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'The short web name (--slug) can only have lower-case letters, numbers and single hyphens',
    ),
  type: z.string().trim().min(1).default('District council'),
  financialYearStartMonth: z.coerce
    .number()
    .int()
    .min(1, 'The financial year must start in month 1 to 12')
    .max(12, 'The financial year must start in month 1 to 12')
    .default(4),
  adminName: z
    .string({ message: 'Name the first administrator (--admin-name)' })
    .trim()
    .min(1, 'Name the first administrator (--admin-name)'),
  adminEmail: z.email({ message: 'Give the administrator’s email address (--admin-email)' }),
  adminPassword: z.string().min(12, 'The administrator’s password must be at least 12 characters (ADMIN_PASSWORD)'),
});
export type OrganisationInput = z.infer<typeof organisationInput>;
