/**
 * The data §1 of the 2022-01-20 policy says the widgets collect, with the policy's own words.
 * Source: lib/policy/ingroup-privacy-policy-2022-01-20.txt (SHA-256 in ./version.ts).
 */
import { z } from 'zod/mini';
import { CategorySchema, type Category } from './schema';

const collectedQuote = 'name, email, phone number from the profile of the administrator who installed the widget';
const accountQuote = 'id, subdomain, number of users of your amoCRM account';

export const CATEGORIES: readonly Category[] = z.array(CategorySchema).parse([
  {
    key: 'admin_name',
    subject: 'administrator',
    section: '§1',
    quote: collectedQuote,
    label: { ru: 'Имя администратора', en: 'Administrator’s name' },
  },
  {
    key: 'admin_email',
    subject: 'administrator',
    section: '§1',
    quote: collectedQuote,
    label: { ru: 'Email администратора', en: 'Administrator’s email' },
  },
  {
    key: 'admin_phone',
    subject: 'administrator',
    section: '§1',
    quote: collectedQuote,
    label: { ru: 'Телефон администратора', en: 'Administrator’s phone' },
  },
  {
    key: 'account_id',
    subject: 'account',
    section: '§1',
    quote: accountQuote,
    label: { ru: 'ID аккаунта amoCRM', en: 'amoCRM account ID' },
  },
  {
    key: 'account_subdomain',
    subject: 'account',
    section: '§1',
    quote: accountQuote,
    label: { ru: 'Поддомен аккаунта', en: 'Account subdomain' },
  },
  {
    key: 'account_user_count',
    subject: 'account',
    section: '§1',
    quote: accountQuote,
    label: { ru: 'Число пользователей', en: 'Number of users' },
  },
]);
