// Parley patch (see PATCH.md): the locale tables are built on first use,
// one source file at a time, instead of in 205 init functions.

package data

import "sync"

// loaders holds one sync.Once per generated source file.
var loaders [205]sync.Once

var loaderFuncs = [205]func(){
	load_af,
	load_agq,
	load_ak,
	load_am,
	load_ar,
	load_as,
	load_asa,
	load_ast,
	load_az_cyrl,
	load_az_latn,
	load_az,
	load_bas,
	load_be,
	load_bem,
	load_bez,
	load_bg,
	load_bm,
	load_bn,
	load_bo,
	load_br,
	load_brx,
	load_bs_cyrl,
	load_bs_latn,
	load_bs,
	load_ca,
	load_ce,
	load_cgg,
	load_chr,
	load_ckb,
	load_cs,
	load_cy,
	load_da,
	load_dav,
	load_de,
	load_dje,
	load_dsb,
	load_dua,
	load_dyo,
	load_dz,
	load_ebu,
	load_ee,
	load_el,
	load_en,
	load_eo,
	load_es,
	load_et,
	load_eu,
	load_ewo,
	load_fa,
	load_ff,
	load_fi,
	load_fil,
	load_fo,
	load_fr,
	load_fur,
	load_fy,
	load_ga,
	load_gd,
	load_gl,
	load_gsw,
	load_gu,
	load_guz,
	load_gv,
	load_ha,
	load_haw,
	load_he,
	load_hi,
	load_hr,
	load_hsb,
	load_hu,
	load_hy,
	load_id,
	load_ig,
	load_ii,
	load_is,
	load_it,
	load_ja,
	load_jgo,
	load_jmc,
	load_ka,
	load_kab,
	load_kam,
	load_kde,
	load_kea,
	load_khq,
	load_ki,
	load_kk,
	load_kl,
	load_kln,
	load_km,
	load_kn,
	load_ko,
	load_kok,
	load_ks,
	load_ksb,
	load_ksf,
	load_ksh,
	load_kw,
	load_ky,
	load_lag,
	load_lb,
	load_lg,
	load_lkt,
	load_ln,
	load_lo,
	load_lrc,
	load_lt,
	load_lu,
	load_luo,
	load_luy,
	load_lv,
	load_mas,
	load_mer,
	load_mfe,
	load_mg,
	load_mgh,
	load_mgo,
	load_mk,
	load_ml,
	load_mn,
	load_mr,
	load_ms,
	load_mt,
	load_mua,
	load_my,
	load_mzn,
	load_naq,
	load_nb,
	load_nd,
	load_ne,
	load_nl,
	load_nmg,
	load_nn,
	load_nnh,
	load_nus,
	load_nyn,
	load_om,
	load_or,
	load_os,
	load_pa_arab,
	load_pa_guru,
	load_pa,
	load_pl,
	load_ps,
	load_pt,
	load_qu,
	load_rm,
	load_rn,
	load_ro,
	load_rof,
	load_ru,
	load_rw,
	load_rwk,
	load_sah,
	load_saq,
	load_sbp,
	load_se,
	load_seh,
	load_ses,
	load_sg,
	load_shi_latn,
	load_shi_tfng,
	load_shi,
	load_si,
	load_sk,
	load_sl,
	load_smn,
	load_sn,
	load_so,
	load_sq,
	load_sr_cyrl,
	load_sr_latn,
	load_sr,
	load_sv,
	load_sw,
	load_ta,
	load_te,
	load_teo,
	load_th,
	load_ti,
	load_tl,
	load_to,
	load_tr,
	load_twq,
	load_tzm,
	load_ug,
	load_uk,
	load_ur,
	load_uz_arab,
	load_uz_cyrl,
	load_uz_latn,
	load_uz,
	load_vi,
	load_vun,
	load_wae,
	load_xog,
	load_yav,
	load_yi,
	load_yo,
	load_yue,
	load_zgh,
	load_zh_hans,
	load_zh_hant,
	load_zh,
	load_zu,
}

// ensureLoaded builds the tables of the file that declares the locale.
func ensureLoaded(locale string) {
	var i int
	switch locale {
	case "af":
		i = 0
	case "af-NA":
		i = 0
	case "agq":
		i = 1
	case "ak":
		i = 2
	case "am":
		i = 3
	case "ar":
		i = 4
	case "ar-AE":
		i = 4
	case "ar-BH":
		i = 4
	case "ar-DJ":
		i = 4
	case "ar-DZ":
		i = 4
	case "ar-EG":
		i = 4
	case "ar-EH":
		i = 4
	case "ar-ER":
		i = 4
	case "ar-IL":
		i = 4
	case "ar-IQ":
		i = 4
	case "ar-JO":
		i = 4
	case "ar-KM":
		i = 4
	case "ar-KW":
		i = 4
	case "ar-LB":
		i = 4
	case "ar-LY":
		i = 4
	case "ar-MA":
		i = 4
	case "ar-MR":
		i = 4
	case "ar-OM":
		i = 4
	case "ar-PS":
		i = 4
	case "ar-QA":
		i = 4
	case "ar-SA":
		i = 4
	case "ar-SD":
		i = 4
	case "ar-SO":
		i = 4
	case "ar-SS":
		i = 4
	case "ar-SY":
		i = 4
	case "ar-TD":
		i = 4
	case "ar-TN":
		i = 4
	case "ar-YE":
		i = 4
	case "as":
		i = 5
	case "asa":
		i = 6
	case "ast":
		i = 7
	case "az":
		i = 10
	case "az-Cyrl":
		i = 8
	case "az-Latn":
		i = 9
	case "bas":
		i = 11
	case "be":
		i = 12
	case "bem":
		i = 13
	case "bez":
		i = 14
	case "bg":
		i = 15
	case "bm":
		i = 16
	case "bn":
		i = 17
	case "bn-IN":
		i = 17
	case "bo":
		i = 18
	case "bo-IN":
		i = 18
	case "br":
		i = 19
	case "brx":
		i = 20
	case "bs":
		i = 23
	case "bs-Cyrl":
		i = 21
	case "bs-Latn":
		i = 22
	case "ca":
		i = 24
	case "ca-AD":
		i = 24
	case "ca-FR":
		i = 24
	case "ca-IT":
		i = 24
	case "ce":
		i = 25
	case "cgg":
		i = 26
	case "chr":
		i = 27
	case "ckb":
		i = 28
	case "ckb-IR":
		i = 28
	case "cs":
		i = 29
	case "cy":
		i = 30
	case "da":
		i = 31
	case "da-GL":
		i = 31
	case "dav":
		i = 32
	case "de":
		i = 33
	case "de-AT":
		i = 33
	case "de-BE":
		i = 33
	case "de-CH":
		i = 33
	case "de-IT":
		i = 33
	case "de-LI":
		i = 33
	case "de-LU":
		i = 33
	case "dje":
		i = 34
	case "dsb":
		i = 35
	case "dua":
		i = 36
	case "dyo":
		i = 37
	case "dz":
		i = 38
	case "ebu":
		i = 39
	case "ee":
		i = 40
	case "ee-TG":
		i = 40
	case "el":
		i = 41
	case "el-CY":
		i = 41
	case "en":
		i = 42
	case "en-001":
		i = 42
	case "en-150":
		i = 42
	case "en-AG":
		i = 42
	case "en-AI":
		i = 42
	case "en-AS":
		i = 42
	case "en-AT":
		i = 42
	case "en-AU":
		i = 42
	case "en-BB":
		i = 42
	case "en-BE":
		i = 42
	case "en-BI":
		i = 42
	case "en-BM":
		i = 42
	case "en-BS":
		i = 42
	case "en-BW":
		i = 42
	case "en-BZ":
		i = 42
	case "en-CA":
		i = 42
	case "en-CC":
		i = 42
	case "en-CH":
		i = 42
	case "en-CK":
		i = 42
	case "en-CM":
		i = 42
	case "en-CX":
		i = 42
	case "en-CY":
		i = 42
	case "en-DE":
		i = 42
	case "en-DG":
		i = 42
	case "en-DK":
		i = 42
	case "en-DM":
		i = 42
	case "en-ER":
		i = 42
	case "en-FI":
		i = 42
	case "en-FJ":
		i = 42
	case "en-FK":
		i = 42
	case "en-FM":
		i = 42
	case "en-GB":
		i = 42
	case "en-GD":
		i = 42
	case "en-GG":
		i = 42
	case "en-GH":
		i = 42
	case "en-GI":
		i = 42
	case "en-GM":
		i = 42
	case "en-GU":
		i = 42
	case "en-GY":
		i = 42
	case "en-HK":
		i = 42
	case "en-IE":
		i = 42
	case "en-IL":
		i = 42
	case "en-IM":
		i = 42
	case "en-IN":
		i = 42
	case "en-IO":
		i = 42
	case "en-JE":
		i = 42
	case "en-JM":
		i = 42
	case "en-KE":
		i = 42
	case "en-KI":
		i = 42
	case "en-KN":
		i = 42
	case "en-KY":
		i = 42
	case "en-LC":
		i = 42
	case "en-LR":
		i = 42
	case "en-LS":
		i = 42
	case "en-MG":
		i = 42
	case "en-MH":
		i = 42
	case "en-MO":
		i = 42
	case "en-MP":
		i = 42
	case "en-MS":
		i = 42
	case "en-MT":
		i = 42
	case "en-MU":
		i = 42
	case "en-MW":
		i = 42
	case "en-MY":
		i = 42
	case "en-NA":
		i = 42
	case "en-NF":
		i = 42
	case "en-NG":
		i = 42
	case "en-NL":
		i = 42
	case "en-NR":
		i = 42
	case "en-NU":
		i = 42
	case "en-NZ":
		i = 42
	case "en-PG":
		i = 42
	case "en-PH":
		i = 42
	case "en-PK":
		i = 42
	case "en-PN":
		i = 42
	case "en-PR":
		i = 42
	case "en-PW":
		i = 42
	case "en-RW":
		i = 42
	case "en-SB":
		i = 42
	case "en-SC":
		i = 42
	case "en-SD":
		i = 42
	case "en-SE":
		i = 42
	case "en-SG":
		i = 42
	case "en-SH":
		i = 42
	case "en-SI":
		i = 42
	case "en-SL":
		i = 42
	case "en-SS":
		i = 42
	case "en-SX":
		i = 42
	case "en-SZ":
		i = 42
	case "en-TC":
		i = 42
	case "en-TK":
		i = 42
	case "en-TO":
		i = 42
	case "en-TT":
		i = 42
	case "en-TV":
		i = 42
	case "en-TZ":
		i = 42
	case "en-UG":
		i = 42
	case "en-UM":
		i = 42
	case "en-VC":
		i = 42
	case "en-VG":
		i = 42
	case "en-VI":
		i = 42
	case "en-VU":
		i = 42
	case "en-WS":
		i = 42
	case "en-ZA":
		i = 42
	case "en-ZM":
		i = 42
	case "en-ZW":
		i = 42
	case "eo":
		i = 43
	case "es":
		i = 44
	case "es-419":
		i = 44
	case "es-AR":
		i = 44
	case "es-BO":
		i = 44
	case "es-BR":
		i = 44
	case "es-BZ":
		i = 44
	case "es-CL":
		i = 44
	case "es-CO":
		i = 44
	case "es-CR":
		i = 44
	case "es-CU":
		i = 44
	case "es-DO":
		i = 44
	case "es-EA":
		i = 44
	case "es-EC":
		i = 44
	case "es-GQ":
		i = 44
	case "es-GT":
		i = 44
	case "es-HN":
		i = 44
	case "es-IC":
		i = 44
	case "es-MX":
		i = 44
	case "es-NI":
		i = 44
	case "es-PA":
		i = 44
	case "es-PE":
		i = 44
	case "es-PH":
		i = 44
	case "es-PR":
		i = 44
	case "es-PY":
		i = 44
	case "es-SV":
		i = 44
	case "es-US":
		i = 44
	case "es-UY":
		i = 44
	case "es-VE":
		i = 44
	case "et":
		i = 45
	case "eu":
		i = 46
	case "ewo":
		i = 47
	case "fa":
		i = 48
	case "fa-AF":
		i = 48
	case "ff":
		i = 49
	case "ff-CM":
		i = 49
	case "ff-GN":
		i = 49
	case "ff-MR":
		i = 49
	case "fi":
		i = 50
	case "fil":
		i = 51
	case "fo":
		i = 52
	case "fo-DK":
		i = 52
	case "fr":
		i = 53
	case "fr-BE":
		i = 53
	case "fr-BF":
		i = 53
	case "fr-BI":
		i = 53
	case "fr-BJ":
		i = 53
	case "fr-BL":
		i = 53
	case "fr-CA":
		i = 53
	case "fr-CD":
		i = 53
	case "fr-CF":
		i = 53
	case "fr-CG":
		i = 53
	case "fr-CH":
		i = 53
	case "fr-CI":
		i = 53
	case "fr-CM":
		i = 53
	case "fr-DJ":
		i = 53
	case "fr-DZ":
		i = 53
	case "fr-GA":
		i = 53
	case "fr-GF":
		i = 53
	case "fr-GN":
		i = 53
	case "fr-GP":
		i = 53
	case "fr-GQ":
		i = 53
	case "fr-HT":
		i = 53
	case "fr-KM":
		i = 53
	case "fr-LU":
		i = 53
	case "fr-MA":
		i = 53
	case "fr-MC":
		i = 53
	case "fr-MF":
		i = 53
	case "fr-MG":
		i = 53
	case "fr-ML":
		i = 53
	case "fr-MQ":
		i = 53
	case "fr-MR":
		i = 53
	case "fr-MU":
		i = 53
	case "fr-NC":
		i = 53
	case "fr-NE":
		i = 53
	case "fr-PF":
		i = 53
	case "fr-PM":
		i = 53
	case "fr-RE":
		i = 53
	case "fr-RW":
		i = 53
	case "fr-SC":
		i = 53
	case "fr-SN":
		i = 53
	case "fr-SY":
		i = 53
	case "fr-TD":
		i = 53
	case "fr-TG":
		i = 53
	case "fr-TN":
		i = 53
	case "fr-VU":
		i = 53
	case "fr-WF":
		i = 53
	case "fr-YT":
		i = 53
	case "fur":
		i = 54
	case "fy":
		i = 55
	case "ga":
		i = 56
	case "gd":
		i = 57
	case "gl":
		i = 58
	case "gsw":
		i = 59
	case "gsw-FR":
		i = 59
	case "gsw-LI":
		i = 59
	case "gu":
		i = 60
	case "guz":
		i = 61
	case "gv":
		i = 62
	case "ha":
		i = 63
	case "ha-GH":
		i = 63
	case "ha-NE":
		i = 63
	case "haw":
		i = 64
	case "he":
		i = 65
	case "hi":
		i = 66
	case "hr":
		i = 67
	case "hr-BA":
		i = 67
	case "hsb":
		i = 68
	case "hu":
		i = 69
	case "hy":
		i = 70
	case "id":
		i = 71
	case "ig":
		i = 72
	case "ii":
		i = 73
	case "is":
		i = 74
	case "it":
		i = 75
	case "it-CH":
		i = 75
	case "it-SM":
		i = 75
	case "it-VA":
		i = 75
	case "ja":
		i = 76
	case "jgo":
		i = 77
	case "jmc":
		i = 78
	case "ka":
		i = 79
	case "kab":
		i = 80
	case "kam":
		i = 81
	case "kde":
		i = 82
	case "kea":
		i = 83
	case "khq":
		i = 84
	case "ki":
		i = 85
	case "kk":
		i = 86
	case "kl":
		i = 87
	case "kln":
		i = 88
	case "km":
		i = 89
	case "kn":
		i = 90
	case "ko":
		i = 91
	case "ko-KP":
		i = 91
	case "kok":
		i = 92
	case "ks":
		i = 93
	case "ksb":
		i = 94
	case "ksf":
		i = 95
	case "ksh":
		i = 96
	case "kw":
		i = 97
	case "ky":
		i = 98
	case "lag":
		i = 99
	case "lb":
		i = 100
	case "lg":
		i = 101
	case "lkt":
		i = 102
	case "ln":
		i = 103
	case "ln-AO":
		i = 103
	case "ln-CF":
		i = 103
	case "ln-CG":
		i = 103
	case "lo":
		i = 104
	case "lrc":
		i = 105
	case "lrc-IQ":
		i = 105
	case "lt":
		i = 106
	case "lu":
		i = 107
	case "luo":
		i = 108
	case "luy":
		i = 109
	case "lv":
		i = 110
	case "mas":
		i = 111
	case "mas-TZ":
		i = 111
	case "mer":
		i = 112
	case "mfe":
		i = 113
	case "mg":
		i = 114
	case "mgh":
		i = 115
	case "mgo":
		i = 116
	case "mk":
		i = 117
	case "ml":
		i = 118
	case "mn":
		i = 119
	case "mr":
		i = 120
	case "ms":
		i = 121
	case "ms-BN":
		i = 121
	case "ms-SG":
		i = 121
	case "mt":
		i = 122
	case "mua":
		i = 123
	case "my":
		i = 124
	case "mzn":
		i = 125
	case "naq":
		i = 126
	case "nb":
		i = 127
	case "nb-SJ":
		i = 127
	case "nd":
		i = 128
	case "ne":
		i = 129
	case "ne-IN":
		i = 129
	case "nl":
		i = 130
	case "nl-AW":
		i = 130
	case "nl-BE":
		i = 130
	case "nl-BQ":
		i = 130
	case "nl-CW":
		i = 130
	case "nl-SR":
		i = 130
	case "nl-SX":
		i = 130
	case "nmg":
		i = 131
	case "nn":
		i = 132
	case "nnh":
		i = 133
	case "nus":
		i = 134
	case "nyn":
		i = 135
	case "om":
		i = 136
	case "om-KE":
		i = 136
	case "or":
		i = 137
	case "os":
		i = 138
	case "os-RU":
		i = 138
	case "pa":
		i = 141
	case "pa-Arab":
		i = 139
	case "pa-Guru":
		i = 140
	case "pl":
		i = 142
	case "ps":
		i = 143
	case "pt":
		i = 144
	case "pt-AO":
		i = 144
	case "pt-CH":
		i = 144
	case "pt-CV":
		i = 144
	case "pt-GQ":
		i = 144
	case "pt-GW":
		i = 144
	case "pt-LU":
		i = 144
	case "pt-MO":
		i = 144
	case "pt-MZ":
		i = 144
	case "pt-PT":
		i = 144
	case "pt-ST":
		i = 144
	case "pt-TL":
		i = 144
	case "qu":
		i = 145
	case "qu-BO":
		i = 145
	case "qu-EC":
		i = 145
	case "rm":
		i = 146
	case "rn":
		i = 147
	case "ro":
		i = 148
	case "ro-MD":
		i = 148
	case "rof":
		i = 149
	case "ru":
		i = 150
	case "ru-BY":
		i = 150
	case "ru-KG":
		i = 150
	case "ru-KZ":
		i = 150
	case "ru-MD":
		i = 150
	case "ru-UA":
		i = 150
	case "rw":
		i = 151
	case "rwk":
		i = 152
	case "sah":
		i = 153
	case "saq":
		i = 154
	case "sbp":
		i = 155
	case "se":
		i = 156
	case "se-FI":
		i = 156
	case "se-SE":
		i = 156
	case "seh":
		i = 157
	case "ses":
		i = 158
	case "sg":
		i = 159
	case "shi":
		i = 162
	case "shi-Latn":
		i = 160
	case "shi-Tfng":
		i = 161
	case "si":
		i = 163
	case "sk":
		i = 164
	case "sl":
		i = 165
	case "smn":
		i = 166
	case "sn":
		i = 167
	case "so":
		i = 168
	case "so-DJ":
		i = 168
	case "so-ET":
		i = 168
	case "so-KE":
		i = 168
	case "sq":
		i = 169
	case "sq-MK":
		i = 169
	case "sq-XK":
		i = 169
	case "sr":
		i = 172
	case "sr-Cyrl":
		i = 170
	case "sr-Cyrl-BA":
		i = 170
	case "sr-Cyrl-ME":
		i = 170
	case "sr-Cyrl-XK":
		i = 170
	case "sr-Latn":
		i = 171
	case "sr-Latn-BA":
		i = 171
	case "sr-Latn-ME":
		i = 171
	case "sr-Latn-XK":
		i = 171
	case "sv":
		i = 173
	case "sv-AX":
		i = 173
	case "sv-FI":
		i = 173
	case "sw":
		i = 174
	case "sw-CD":
		i = 174
	case "sw-KE":
		i = 174
	case "sw-UG":
		i = 174
	case "ta":
		i = 175
	case "ta-LK":
		i = 175
	case "ta-MY":
		i = 175
	case "ta-SG":
		i = 175
	case "te":
		i = 176
	case "teo":
		i = 177
	case "teo-KE":
		i = 177
	case "th":
		i = 178
	case "ti":
		i = 179
	case "ti-ER":
		i = 179
	case "tl":
		i = 180
	case "to":
		i = 181
	case "tr":
		i = 182
	case "tr-CY":
		i = 182
	case "twq":
		i = 183
	case "tzm":
		i = 184
	case "ug":
		i = 185
	case "uk":
		i = 186
	case "ur":
		i = 187
	case "ur-IN":
		i = 187
	case "uz":
		i = 191
	case "uz-Arab":
		i = 188
	case "uz-Cyrl":
		i = 189
	case "uz-Latn":
		i = 190
	case "vi":
		i = 192
	case "vun":
		i = 193
	case "wae":
		i = 194
	case "xog":
		i = 195
	case "yav":
		i = 196
	case "yi":
		i = 197
	case "yo":
		i = 198
	case "yo-BJ":
		i = 198
	case "yue":
		i = 199
	case "zgh":
		i = 200
	case "zh":
		i = 203
	case "zh-Hans":
		i = 201
	case "zh-Hans-HK":
		i = 201
	case "zh-Hans-MO":
		i = 201
	case "zh-Hans-SG":
		i = 201
	case "zh-Hant":
		i = 202
	case "zh-Hant-HK":
		i = 202
	case "zh-Hant-MO":
		i = 202
	case "zu":
		i = 204
	default:
		return
	}
	loaders[i].Do(loaderFuncs[i])
}
