import { describe, expect, it } from 'vitest';
import { countryCodeOf, findTown, knownCity, printTown, printedCountry, townsNamed } from '../../src/extract/places/gazetteer.js';
import { placeOfName, placesOfList } from '../../src/extract/places/read.js';
import { extractLocations, normalizePlace } from '../../src/extract/locations.js';

const places = (text: string): string[] => extractLocations(text).value;

describe('the gazetteer', () => {
  it('knows one town by each of its names (Gurgaon / Gurugram, Bangalore / Bengaluru, Munich / München)', () => {
    expect(townsNamed('Gurugram')[0]?.id).toBe(townsNamed('Gurgaon')[0]?.id);
    expect(townsNamed('Bangalore')[0]?.id).toBe(townsNamed('Bengaluru')[0]?.id);
    expect(townsNamed('München')[0]?.id).toBe(townsNamed('Munich')[0]?.id);
    expect(townsNamed('Köln')[0]?.id).toBe(townsNamed('Cologne').find((t) => t.country === 'DE')?.id);
  });

  it('keeps the spelling the posting used', () => {
    const town = findTown('Bangalore');
    expect(town && printTown(town, 'Bangalore')).toBe('Bangalore, India');
    const zurich = findTown('Zürich');
    expect(zurich && printTown(zurich, 'Zürich')).toBe('Zürich, Switzerland');
  });

  it('prints US and Canadian towns with their region code, others with their country', () => {
    expect(knownCity('Seattle')).toBe('Seattle, WA');
    expect(knownCity('Toronto')).toBe('Toronto, ON');
    expect(knownCity('Essen')).toBe('Essen, Germany');
    expect(knownCity('New York City')).toBe('New York, NY');
    expect(knownCity('Singapore')).toBe('Singapore');
  });

  it('reads countries in the languages postings come in', () => {
    expect(printedCountry('Deutschland')).toBe('Germany');
    expect(printedCountry('España')).toBe('Spain');
    expect(printedCountry('USA')).toBe('United States');
    expect(printedCountry('U.K.')).toBe('United Kingdom');
    expect(countryCodeOf('Holland')).toBe('NL');
  });

  it('prefers the namesake in the country the posting is about', () => {
    expect(findTown('Cambridge', { prefer: new Set(['US']) })?.code).toBe('MA');
    expect(findTown('Cambridge')?.country).toBe('GB');
  });
});

describe('reading a place list', () => {
  const read = (s: string): string[] => placesOfList(s.split(/\s*,\s*/)).map((p) => p.place);

  it('reads any order a page prints: city first, country first, with regions between', () => {
    expect(read('Cupertino, California, United States')).toEqual(['Cupertino, CA']);
    expect(read('United States, Pennsylvania, Pittsburgh')).toEqual(['Pittsburgh, PA']);
    expect(read('Tel Aviv-Yafo, Tel Aviv District, Israel')).toEqual(['Tel Aviv-Yafo, Israel']);
    expect(read('Toronto, ON, Canada')).toEqual(['Toronto, ON']);
  });

  it('splits a list of several places', () => {
    expect(read('Strongsville, OH, Dallas, TX')).toEqual(['Strongsville, OH', 'Dallas, TX']);
  });

  it('never takes a state or a country as the town', () => {
    expect(read('California, DE')).toEqual([]);
    expect(read('Colorado, NM')).toEqual([]);
    expect(read('United States, PA')).toEqual([]);
  });

  it('reads a small US town by its state code', () => {
    expect(read('Waxahachie, TX')).toEqual(['Waxahachie, TX']);
  });

  it('does not read an unknown name beside a country as a town', () => {
    expect(read('Electronic Engineering, Germany')).toEqual([]);
  });

  it('reads a state code before its city', () => {
    expect(placeOfName('FL-Miami')?.place).toBe('Miami, FL');
    expect(placeOfName('IL - Chicago')?.place).toBe('Chicago, IL');
  });

  it('reads metro areas: a town\'s area is the town, a named region stays as written', () => {
    expect(placeOfName('Madrid Area')?.place).toBe('Madrid, Spain');
    expect(placeOfName('San Francisco Bay Area')?.place).toBe('San Francisco Bay Area');
  });
});

describe('locations in postings', () => {
  it('keeps "Sault Ste. Marie" whole', () => {
    expect(places('This position is located in Sault Ste. Marie, ON. Travel may be required.')).toEqual(['Sault Ste. Marie, ON']);
  });

  it('reads a country-first location block (CGI)', () => {
    expect(places('Main location:\nUnited States, Pennsylvania, Pittsburgh\nAlternate Location(s):\n• United States, Texas, Dallas\n• United States, Ohio, Strongsville')).toEqual([
      'Pittsburgh, PA',
      'Dallas, TX',
      'Strongsville, OH',
    ]);
  });

  it('shows a town once however the posting spells it', () => {
    expect(places('Location: Gurugram (Gurgaon), Haryana\nThe role is based in our Gurgaon office.')).toEqual(['Gurugram, India']);
  });

  it('reads the country or metro area alone under the title', () => {
    expect(places('Lead Developer .Net\nVeepee\nFrance\n\nThe vente-privee group has consolidated its brands.')).toEqual(['France']);
    expect(places('Applied Researcher - NLP & Information Extraction\nLinkedIn - San Francisco Bay Area\n\nJob Description')).toEqual(['San Francisco Bay Area']);
  });

  it('reads a labelled town the old tables did not know', () => {
    expect(places('title: "Head of Finance (m/f/d)"\ncompany: "talpasolutions GmbH"\nlocation: "Essen"')).toEqual(['Essen, Germany']);
  });

  it('takes a street address only when nothing else names the place', () => {
    const text = 'Location: Houston, Texas\nDuration: 6 months\n\nThanks,\nNithya\nWebilent Technology, Inc. Windsor, CT 06095';
    expect(places(text)).toEqual(['Houston, TX']);
  });

  it('does not read a state list of a licence rule as places', () => {
    expect(places('Possession of a license to practice law in Colorado, or from U.S. states such as California, Delaware, Florida, Louisiana, Maryland, Nevada.')).toEqual([]);
  });

  it('does not read "REST-based" as a city', () => {
    expect(places('Experience with SOAP and REST-based web services.')).toEqual([]);
  });

  it('reads the city by its initials in a sentence', () => {
    expect(places('Ability to work 5 days in-person in our NYC office')).toEqual(['New York, NY']);
  });

  it('chooses the namesake the posting names with its region', () => {
    expect(places('Senior Analyst\nArlington, VA\n\nThis is an on-site position in Arlington.')).toEqual(['Arlington, VA']);
  });
});

describe('places a source gives as data', () => {
  it('normalises scraped records', () => {
    expect(normalizePlace('Brisbane - Australia')).toBe('Brisbane, Australia');
    expect(normalizePlace('Essen')).toBe('Essen, Germany');
    expect(normalizePlace('New York, New York')).toBe('New York, NY');
    expect(normalizePlace('Bengaluru')).toBe('Bengaluru, India');
  });
});

describe('where the role is, from layout and sentences', () => {
  it('takes a Hacker News field line\'s remote field as the place', () => {
    expect(places('Follow Up Boss | Senior Full Stack Engineer | Remote | $150K - $162K | Full-time\n\nWe are a simple CRM.')).toEqual(['Remote']);
  });

  it('reads the place after a pin or globe (job-board and feed posts)', () => {
    expect(places('[Lead Developer .Net - CDI - H/F/X](https://example.com/apply)\nVeepee\n`💰 65k-95k USD` `🌎 France`\n\nThe group has consolidated its brands.')).toEqual(['France']);
    expect(places('Hiring: General Manager – Project\n📍 Greater Noida\n💰 CTC: ₹30–50 LPA')).toEqual(['Greater Noida, India']);
  });

  it('reads a remote role\'s country ("TELECOMMUTE …, Philippines", "remote within the United States")', () => {
    expect(places('`🌎 TELECOMMUTE Mandaluyong, Metro Manila, Philippines`')).toEqual(['Remote (Philippines)']);
    expect(places('Technology Lead\nUnited States\n\nLocation: This position is remote within the United States.')).toEqual(['Remote (US)']);
  });

  it('reads a labelled place in German and a town after other words ("Einsatzort: Im Büro in Düsseldorf")', () => {
    expect(places('Einsatzort: Im Büro in Düsseldorf, im Home-Office')).toEqual(['Düsseldorf, Germany']);
  });

  it('reads the role\'s place from "based out of our X office" and "team in X"', () => {
    expect(places('This role is based out of our Seattle office.')).toEqual(['Seattle, WA']);
    expect(places('Citi is seeking Placement Analysts to join its Investment Banking team in Zurich, commencing in January.')).toEqual(['Zurich, Switzerland']);
  });

  it('does not take the company\'s footprint in the body beside the header\'s place', () => {
    const text = 'RenoRun | Software Engineer | Montreal, ONSITE ONLY | Full time\nRenoRun is one of North America\'s fastest growing startups. We are growing rapidly in Toronto; Montreal; and Austin, TX.';
    expect(places(text)).toEqual(['Montreal, QC']);
  });

  it('does not read a record\'s "remote: False" or a tag list as a remote place', () => {
    expect(places('title: Buchhalter:in\ncompany: wabcon\nlocation: Berlin\nremote: False')).toEqual(['Berlin, Germany']);
    expect(places('location: Hamburg\n\nRemote, Finance')).toEqual(['Hamburg, Germany']);
  });
});

describe('a remote piece beside the city', () => {
  it('reads both the city and the remote option of a Hacker News field', () => {
    expect(places('Terrastruct | Software Engineer | SF, Remote ok for senior (US/CAN) | Full-time | $120-$200K base')).toEqual(['San Francisco, CA', 'Remote']);
  });

  it('keeps a remote role\'s country over the towns of a telecommute line', () => {
    expect(places('Multiplica Talent\n`💰 65k-95k USD` `🌎 TELECOMMUTE Mexico City, Mexico City, Mexico`')).toEqual(['Remote (Mexico)']);
  });
});

describe('city-states', () => {
  it('reads a city-state after an institution\'s name', () => {
    expect(places('A Research Assistant position is available in the School of Electrical & Electronic Engineering, Nanyang Technological University, Singapore.')).toEqual(['Singapore']);
  });
});
