/**
 * The shape of the benchmark city: its directory (10 districts → streets → 680 communities), its
 * people (residents and staff with their role grants) and the fixed instant the benchmark runs
 * at. Deterministic: the same parameters always give the same city, so a cached store and the
 * benchmark that reads it agree on every id without asking each other.
 */
import type { Role } from '../types/api';

/** What a generated store is made of; the cache key of a store is made of these. */
export interface CityParams {
  proposals: number;
  comments: number;
  ratings: number;
  communities: number;
  residentsPerCommunity: number;
  libraryEntries: number;
  seed: number;
  /** The benchmark's clock: records are made before it, requests are made at it. */
  now: string;
}

/**
 * Wednesday 18 Nov 2026, 16:00 in Shanghai: inside the holiday data (2004–2026), with a full
 * year of approvals behind it and the subsidy application still open.
 */
export const BENCH_NOW = '2026-11-18T16:00:00+08:00';

export const CITY_SIZE: CityParams = {
  proposals: 100_000,
  comments: 1_000_000,
  ratings: 500_000,
  communities: 680,
  residentsPerCommunity: 50,
  libraryEntries: 120,
  seed: 20261118,
  now: BENCH_NOW,
};

export const SMALL_SIZE: CityParams = { ...CITY_SIZE, proposals: 1_000, comments: 10_000, ratings: 5_000 };

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Random = () => number;

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** 16 hex digits, like the ids `newRecordId` makes. */
export function hex16(random: Random): string {
  let text = '';
  for (let i = 0; i < 4; i += 1) text += Math.floor(random() * 65_536).toString(16).padStart(4, '0');
  return text;
}

export interface District {
  id: string;
  name: string;
  index: number;
}

export interface Street {
  id: string;
  name: string;
  districtId: string;
  index: number;
}

export interface Community {
  id: string;
  name: string;
  streetId: string;
  districtId: string;
  index: number;
  /** How busy the community is, relative to the others (proposals are drawn by this weight). */
  weight: number;
}

export interface CityUser {
  openid: string;
  name: string;
  communityId: string | null;
  grants: { role: Role; scopeId: string }[];
}

export interface City {
  params: CityParams;
  districts: District[];
  streets: Street[];
  communities: Community[];
  /** residents[communityIndex][k] */
  residents: CityUser[][];
  workers: CityUser[];
  streetReviewers: CityUser[];
  districtOfficers: CityUser[];
  cityOfficer: CityUser;
}

const DISTRICTS: [string, string][] = [
  ['d-futian', '福田区'],
  ['d-luohu', '罗湖区'],
  ['d-nanshan', '南山区'],
  ['d-yantian', '盐田区'],
  ['d-baoan', '宝安区'],
  ['d-longgang', '龙岗区'],
  ['d-longhua', '龙华区'],
  ['d-pingshan', '坪山区'],
  ['d-guangming', '光明区'],
  ['d-dapeng', '大鹏新区'],
];

const PLACE_WORDS = [
  '沙头', '香蜜', '莲花', '华富', '南园', '园岭', '梅林', '福保', '东门', '桂园', '翠竹', '清水', '黄贝', '莲塘',
  '南头', '西丽', '粤海', '蛇口', '招商', '桃源', '沙河', '海山', '梅沙', '新安', '西乡', '福永', '松岗', '石岩',
  '布吉', '横岗', '平湖', '坪地', '观澜', '大浪', '民治', '龙城', '坑梓', '碧岭', '公明', '凤凰', '葵涌', '南澳',
  '东湖', '笋岗', '景田', '侨香', '月亮湾', '海滨', '凤岗', '桥园', '田心', '中英', '翠湖', '松坪', '科苑', '荔林',
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁欣怡佳琪梓涵子轩浩然一诺雨桐思远晨曦嘉怡建国建华国强志强海燕春梅秋菊冬梅晓东晓燕小明小红文博';

function personName(random: Random): string {
  const surname = pick(random, Array.from(SURNAMES));
  const given = Array.from(GIVEN);
  const length = random() < 0.35 ? 1 : 2;
  let name = surname;
  for (let i = 0; i < length; i += 1) name += pick(random, given);
  return name;
}

/** Builds the city of these parameters: the same parameters give the same city. */
export function buildCity(params: CityParams): City {
  const random = rng(params.seed);
  const districts: District[] = DISTRICTS.map(([id, name], index) => ({ id, name, index }));
  const streets: Street[] = [];
  for (const district of districts) {
    const count = intBetween(random, 6, 8);
    for (let k = 0; k < count; k += 1) {
      const word = PLACE_WORDS[(district.index * 7 + k * 3) % PLACE_WORDS.length];
      streets.push({ id: `s-${district.id.slice(2)}-${k + 1}`, name: `${word}${k + 1}号街道`, districtId: district.id, index: streets.length });
    }
  }
  // Communities spread over the streets as evenly as they divide.
  const communities: Community[] = [];
  const base = Math.floor(params.communities / streets.length);
  const extra = params.communities % streets.length;
  for (const street of streets) {
    const count = base + (street.index < extra ? 1 : 0);
    for (let k = 0; k < count; k += 1) {
      const index = communities.length;
      const word = PLACE_WORDS[(index * 5 + street.index) % PLACE_WORDS.length];
      communities.push({
        id: `c-${String(index + 1).padStart(4, '0')}`,
        name: `${word}${k + 1}社区`,
        streetId: street.id,
        districtId: street.districtId,
        index,
        // Some communities are four times as busy as others.
        weight: 0.5 + random() * 1.5,
      });
    }
  }
  const residents = communities.map((community) =>
    Array.from({ length: params.residentsPerCommunity }, (_, k) => ({
      openid: `u-r-${community.index + 1}-${k + 1}`,
      name: personName(random),
      communityId: community.id,
      grants: [{ role: 'resident' as Role, scopeId: community.id }],
    })),
  );
  const workers = communities.map((community) => ({
    openid: `u-w-${community.index + 1}`,
    name: personName(random),
    communityId: null,
    grants: [{ role: 'community' as Role, scopeId: community.id }],
  }));
  const streetReviewers = streets.map((street) => ({
    openid: `u-s-${street.index + 1}`,
    name: personName(random),
    communityId: null,
    grants: [{ role: 'street' as Role, scopeId: street.id }],
  }));
  const districtOfficers = districts.map((district) => ({
    openid: `u-d-${district.index + 1}`,
    name: personName(random),
    communityId: null,
    grants: [{ role: 'district' as Role, scopeId: district.id }],
  }));
  const cityOfficer: CityUser = { openid: 'u-city', name: personName(random), communityId: null, grants: [{ role: 'city', scopeId: 'city' }] };
  return { params, districts, streets, communities, residents, workers, streetReviewers, districtOfficers, cityOfficer };
}

/** Every user of the city, staff first. */
export function allUsers(city: City): CityUser[] {
  return [city.cityOfficer, ...city.districtOfficers, ...city.streetReviewers, ...city.workers, ...city.residents.flat()];
}
