import { describe, expect, it } from 'vitest';
import {
  isOfSites,
  normalizeHost,
  originPatterns,
  related,
  siteOf,
  tabHosts,
} from '@/lib/cookies/sites';
import { tabSnap, windowSnap } from '../fakes';

describe('normalizeHost', () => {
  it('drops one leading dot and lowers the case', () => {
    expect(normalizeHost('.Example.COM')).toBe('example.com');
    expect(normalizeHost('Mail.Example.com')).toBe('mail.example.com');
    expect(normalizeHost('127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeHost('')).toBe('');
  });
});

describe('related', () => {
  it('holds for equal hosts and for a subdomain either way round', () => {
    expect(related('example.com', 'example.com')).toBe(true);
    expect(related('mail.example.com', 'example.com')).toBe(true);
    expect(related('example.com', 'a.b.example.com')).toBe(true);
  });

  it('does not hold for siblings, look-alikes, or a shared suffix that is not a label', () => {
    expect(related('mail.example.com', 'www.example.com')).toBe(false);
    expect(related('badexample.com', 'example.com')).toBe(false);
    expect(related('example.com', 'example.org')).toBe(false);
  });

  it('is what isOfSites checks each site with, after normalizing the host', () => {
    expect(isOfSites('.Example.com', ['www.example.com'])).toBe(true);
    expect(isOfSites('example.org', ['example.com', 'www.example.com'])).toBe(false);
    expect(isOfSites('example.com', [])).toBe(false);
  });
});

describe('tabHosts', () => {
  it('collects the lower-case hosts of http and https tabs across windows, once each', () => {
    const hosts = tabHosts([
      windowSnap([
        tabSnap('https://Mail.Example.com/inbox'),
        tabSnap('http://127.0.0.1:8080/login'),
        tabSnap('https://mail.example.com/other'),
      ]),
      windowSnap([tabSnap('HTTPS://news.test/?q=1')]),
    ]);
    expect([...hosts]).toEqual(['mail.example.com', '127.0.0.1', 'news.test']);
  });

  it('strips the brackets of an IPv6 host', () => {
    expect([...tabHosts([windowSnap([tabSnap('http://[::1]:3000/')])])]).toEqual(['::1']);
    expect([...tabHosts([windowSnap([tabSnap('https://[2001:DB8::1]/')])])]).toEqual([
      '2001:db8::1',
    ]);
  });

  it('ignores other schemes and URLs that do not parse', () => {
    const hosts = tabHosts([
      windowSnap([
        tabSnap('about:blank'),
        tabSnap('chrome://settings/'),
        tabSnap('file:///home/me/notes.html'),
        tabSnap('ftp://files.test/'),
        tabSnap('moz-extension://abc/page.html'),
        tabSnap('http://'),
        tabSnap('https://exa mple.com/'),
        tabSnap('https://ok.test/'),
      ]),
    ]);
    expect([...hosts]).toEqual(['ok.test']);
  });

  it('is empty without windows or tabs', () => {
    expect(tabHosts([]).size).toBe(0);
    expect(tabHosts([windowSnap([])]).size).toBe(0);
  });
});

describe('siteOf', () => {
  it('keeps the last two labels of a subdomain', () => {
    expect(siteOf('mail.example.com')).toBe('example.com');
    expect(siteOf('a.b.c.example.com')).toBe('example.com');
    expect(siteOf('.Accounts.Example.com')).toBe('example.com');
    expect(siteOf('example.com')).toBe('example.com');
  });

  it('keeps three labels under a country second level (co.uk style)', () => {
    expect(siteOf('www.example.co.uk')).toBe('example.co.uk');
    expect(siteOf('shop.example.com.au')).toBe('example.com.au');
    expect(siteOf('a.b.example.org.nz')).toBe('example.org.nz');
    expect(siteOf('example.co.uk')).toBe('example.co.uk');
  });

  it('keeps two labels when the top level is not a country or the second is not a known one', () => {
    // "co" under a three-letter top level is a name like any other.
    expect(siteOf('www.example.co.com')).toBe('co.com');
    expect(siteOf('www.example.io.uk')).toBe('io.uk');
  });

  it('leaves IP addresses and single labels as they are', () => {
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(siteOf('192.168.10.200')).toBe('192.168.10.200');
    expect(siteOf('::1')).toBe('::1');
    expect(siteOf('2001:db8::1')).toBe('2001:db8::1');
    expect(siteOf('localhost')).toBe('localhost');
    expect(siteOf('.Intranet')).toBe('intranet');
  });
});

describe('originPatterns', () => {
  it('grants an IPv4 address as it is, any scheme and port', () => {
    expect(originPatterns(['127.0.0.1'])).toEqual(['*://127.0.0.1/*']);
  });

  it('puts an IPv6 address in brackets', () => {
    expect(originPatterns(['::1', '2001:db8::1'])).toEqual(['*://[2001:db8::1]/*', '*://[::1]/*']);
  });

  it('grants a name’s site and all its subdomains', () => {
    expect(originPatterns(['mail.example.com'])).toEqual(['*://*.example.com/*']);
    expect(originPatterns(['www.example.co.uk'])).toEqual(['*://*.example.co.uk/*']);
    expect(originPatterns(['localhost'])).toEqual(['*://*.localhost/*']);
  });

  it('dedupes hosts of one site and sorts, skipping empty hosts', () => {
    expect(
      originPatterns(
        new Set([
          'www.zeta.test',
          'mail.example.com',
          'example.com',
          '',
          '.Example.com',
          '10.0.0.1',
        ]),
      ),
    ).toEqual(['*://*.example.com/*', '*://*.zeta.test/*', '*://10.0.0.1/*']);
    expect(originPatterns([])).toEqual([]);
  });
});
