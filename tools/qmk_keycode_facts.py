"""Facts about QMK keycodes that are not in its hjson files, for tools/gen_qmk_keycodes.py.

Function forms: the C macros of qmk_firmware quantum/quantum_keycodes.h. Removed keycodes: the QMK
Configurator's import table (qmk/qmk_configurator src/longFormKeycodes.js), qmk_firmware's deleted
quantum/quantum_keycodes_legacy.h and the 0.19 renames. Read there and recorded here as data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# quantum/quantum_keycodes.h: the macro, its argument kinds, and for numbers the range the macro
# keeps (QMK masks silently: LT(16, KC_A) is LT(0, KC_A), so a number out of range is an error).
LAYER32 = ["layer", 0, 31]  # (layer)&0x1F
LAYER16 = ["layer", 0, 15]  # (layer)&0xF
MOD_WRAPPERS = [
    "LCTL",
    "LSFT",
    "LALT",
    "LGUI",
    "LOPT",
    "LCMD",
    "LWIN",
    "C",
    "S",
    "A",
    "G",
    "LCS",
    "LCA",
    "LCG",
    "LSA",
    "LSG",
    "LAG",
    "LCSG",
    "LCAG",
    "LSAG",
    "SGUI",
    "SCMD",
    "SWIN",
    "RCTL",
    "RSFT",
    "RALT",
    "RGUI",
    "ALGR",
    "ROPT",
    "RCMD",
    "RWIN",
    "RCA",
    "RCS",
    "RCG",
    "RSA",
    "RSG",
    "RAG",
    "RCSG",
    "RCAG",
    "RSAG",
    "SAGR",
    "HYPR",
    "MEH",
]
MOD_TAPS = [
    "LCTL_T",
    "LSFT_T",
    "LALT_T",
    "LGUI_T",
    "CTL_T",
    "SFT_T",
    "ALT_T",
    "GUI_T",
    "LOPT_T",
    "LCMD_T",
    "LWIN_T",
    "OPT_T",
    "CMD_T",
    "WIN_T",
    "LCS_T",
    "LCA_T",
    "LCG_T",
    "LSA_T",
    "LSG_T",
    "LAG_T",
    "LCSG_T",
    "LCAG_T",
    "LSAG_T",
    "SGUI_T",
    "SCMD_T",
    "SWIN_T",
    "RCTL_T",
    "RSFT_T",
    "RALT_T",
    "RGUI_T",
    "ROPT_T",
    "ALGR_T",
    "RCMD_T",
    "RWIN_T",
    "RCS_T",
    "RCA_T",
    "RCG_T",
    "RSA_T",
    "RSG_T",
    "RAG_T",
    "RCSG_T",
    "RCAG_T",
    "RSAG_T",
    "SAGR_T",
    "MEH_T",
    "HYPR_T",
    "ALL_T",
    "SH_T",
]
FUNCTIONS: dict[str, list[Any]] = {
    **{name: [["keycode"]] for name in MOD_WRAPPERS + MOD_TAPS},
    **{name: [LAYER32] for name in ("TO", "MO", "DF", "PDF", "TG", "OSL", "TT")},
    "LT": [LAYER16, ["keycode"]],
    "LM": [LAYER16, ["mods"]],
    "MT": [["mods"], ["keycode"]],
    "OSM": [["mods"]],
    "TD": [["number", 0, 255]],  # (i)&0xFF
    "UC": [["number", 0, 0x7FFF]],
    "UM": [["number", 0, 0x3FFF]],
    "UP": [["number", 0, 127], ["number", 0, 127]],
    "SQ_S": [["number", 0, 255]],
    "SQ_R": [["number", 0, 255]],
    "SQ_T": [["number", 0, 255]],
}
# Plain names defined as macros in quantum/quantum_keycodes.h and quantum/modifiers.h.
MACRO_NAMES = ["KC_HYPR", "KC_MEH"] + [
    f"OS_{m}"
    for m in [
        "LCTL",
        "LSFT",
        "LALT",
        "LGUI",
        "LCS",
        "LCA",
        "LCG",
        "LSA",
        "LSG",
        "LAG",
        "LCSG",
        "LCAG",
        "LSAG",
        "RCTL",
        "RSFT",
        "RALT",
        "RGUI",
        "RCS",
        "RCA",
        "RCG",
        "RSA",
        "RSG",
        "RAG",
        "RCSG",
        "RCAG",
        "RSAG",
        "MEH",
        "HYPR",
    ]
]
MODS = [
    "MOD_LCTL",
    "MOD_LSFT",
    "MOD_LALT",
    "MOD_LGUI",
    "MOD_RCTL",
    "MOD_RSFT",
    "MOD_RALT",
    "MOD_RGUI",
    "MOD_HYPR",
    "MOD_MEH",
]

CONFIGURATOR, LEGACY, MIDI_019, OLD_019 = (
    "configurator",
    "legacy_header",
    "midi_0.19",
    "rename_0.19",
)
SOURCES = {
    CONFIGURATOR: "qmk/qmk_configurator src/longFormKeycodes.js @2dcdb25f, its import table",
    LEGACY: "qmk_firmware quantum/quantum_keycodes_legacy.h, deprecated aliases since deleted "
    "(last seen @0f5e3165)",
    MIDI_019: "qmk_firmware 0.19 MIDI rename, keycodes_0.0.1_midi -> keycodes_0.0.2_midi",
    OLD_019: "qmk_firmware 0.19 keycode rename, quantum/quantum_keycodes.h before data-driven "
    "keycodes",
}
REMOVED_FUNCTIONS = {"X": ("UM", OLD_019), "XP": ("UP", OLD_019)}

# The QMK Configurator's import table, name -> replacement, as read in src/longFormKeycodes.js.
# It also maps valid long forms to short ones (KC_ENTER -> KC_ENT); only names QMK no longer
# defines count as removed.
CONFIGURATOR_TABLE = """
KC_TRANSPARENT KC_TRNS|_______ KC_TRNS|XXXXXXX KC_NO|KC_BRMD KC_SCRL|KC_BRK KC_PAUS|KC_BRMU KC_PAUS
KC_LCMD KC_LGUI
KC_LWIN KC_LGUI|KC_ALGR KC_RALT|KC_RCMD KC_RGUI|KC_RWIN KC_RGUI|MAGIC_SWAP_CONTROL_CAPSLOCK CL_SWAP
MAGIC_UNSWAP_CONTROL_CAPSLOCK CL_NORM|MAGIC_CAPSLOCK_TO_CONTROL CL_CTRL
MAGIC_UNCAPSLOCK_TO_CONTROL CL_CAPS
MAGIC_SWAP_LCTL_LGUI CG_LSWP|MAGIC_UNSWAP_LCTL_LGUI CG_LNRM|MAGIC_SWAP_RCTL_RGUI CG_RSWP
MAGIC_UNSWAP_RCTL_RGUI CG_RNRM
MAGIC_SWAP_CTL_GUI CG_SWAP|MAGIC_UNSWAP_CTL_GUI CG_NORM|MAGIC_TOGGLE_CTL_GUI CG_TOGG
MAGIC_SWAP_LALT_LGUI AG_LSWP
MAGIC_UNSWAP_LALT_LGUI AG_LNRM|MAGIC_SWAP_RALT_RGUI AG_RSWP|MAGIC_UNSWAP_RALT_RGUI AG_RNRM
MAGIC_SWAP_ALT_GUI AG_SWAP
MAGIC_UNSWAP_ALT_GUI AG_NORM|MAGIC_TOGGLE_ALT_GUI AG_TOGG|MAGIC_NO_GUI GUI_OFF|MAGIC_UNNO_GUI GUI_ON
MAGIC_SWAP_GRAVE_ESC GE_SWAP|MAGIC_UNSWAP_GRAVE_ESC GE_NORM|MAGIC_SWAP_BACKSLASH_BACKSPACE BS_SWAP
MAGIC_UNSWAP_BACKSLASH_BACKSPACE BS_NORM|MAGIC_HOST_NKRO NK_ON|MAGIC_UNHOST_NKRO NK_OFF
MAGIC_TOGGLE_NKRO NK_TOGG
MAGIC_EE_HANDS_LEFT EH_LEFT|MAGIC_EE_HANDS_RIGHT EH_RGHT|KC_MS_UP MS_UP|KC_MS_DOWN MS_DOWN
KC_MS_LEFT MS_LEFT
KC_MS_RIGHT MS_RGHT|KC_MS_BTN1 MS_BTN1|KC_MS_BTN2 MS_BTN2|KC_MS_BTN3 MS_BTN3|KC_MS_BTN4 MS_BTN4
KC_MS_BTN5 MS_BTN5
KC_MS_BTN6 MS_BTN6|KC_MS_BTN7 MS_BTN7|KC_MS_BTN8 MS_BTN8|KC_MS_WH_UP MS_WHLU|KC_MS_WH_DOWN MS_WHLD
KC_MS_WH_LEFT MS_WHLL|KC_MS_WH_RIGHT MS_WHLR|KC_MS_ACCEL0 MS_ACL0|KC_MS_ACCEL1 MS_ACL1
KC_MS_ACCEL2 MS_ACL2
KC_MS_U MS_UP|KC_MS_D MS_DOWN|KC_MS_L MS_LEFT|KC_MS_R MS_RGHT|KC_BTN1 MS_BTN1|KC_BTN2 MS_BTN2
KC_BTN3 MS_BTN3
KC_BTN4 MS_BTN4|KC_BTN5 MS_BTN5|KC_BTN6 MS_BTN6|KC_BTN7 MS_BTN7|KC_BTN8 MS_BTN8|KC_WH_U MS_WHLU
KC_WH_D MS_WHLD
KC_WH_L MS_WHLL|KC_WH_R MS_WHLR|KC_ACL0 MS_ACL0|KC_ACL1 MS_ACL1|KC_ACL2 MS_ACL2
RGB_MODE_FORWARD UG_NEXT
RGB_MODE_REVERSE UG_PREV|KC_DQT KC_DQUO|KC_BSPACE KC_BSPC|KC_LBRACKET KC_LBRC|KC_RBRACKET KC_RBRC
KC_BSLASH KC_BSLS|KC_SCOLON KC_SCLN|KC_ZKHK KC_GRV|KC_CAPSLOCK KC_CAPS|KC_CLCK KC_CAPS
KC_PSCREEN KC_PSCR
KC_SCROLLLOCK KC_SCRL|KC_SLCK KC_SCRL|KC_PGDOWN KC_PGDN|KC_NUMLOCK KC_NUM|KC_NLCK KC_NUM
KC_NONUS_BSLASH KC_NUBS
KC_LOCKING_CAPS KC_LCAP|KC_LOCKING_NUM KC_LNUM|KC_LOCKING_SCROLL KC_LSCR|KC_ALT_ERASE KC_ERAS
KC_LCTRL KC_LCTL
KC_LSHIFT KC_LSFT|KC_RCTRL KC_RCTL|KC_RSHIFT KC_RSFT|KC_LANG1 KC_LNG1|KC_LANG2 KC_LNG2
KC_LANG3 KC_LNG3
KC_LANG4 KC_LNG4|KC_LANG5 KC_LNG5|KC_LANG6 KC_LNG6|KC_LANG7 KC_LNG7|KC_LANG8 KC_LNG8
KC_LANG9 KC_LNG9|KC_RO KC_INT1
KC_KANA KC_INT2|KC_JYEN KC_INT3|KC_HENK KC_INT4|KC_MHEN KC_INT5|KC_HAEN KC_LNG1|KC_HANJ KC_LNG2
RESET QK_BOOT
DEBUG DB_TOGG|EEPROM_RESET EE_CLR|EEP_RST EE_CLR|CLICKY_TOGGLE CK_TOGG|CLICKY_UP CK_UP
CLICKY_DOWN CK_DOWN
CLICKY_RESET CK_RST|BL_INC BL_UP|BL_DEC BL_DOWN|DYN_REC_START1 DM_REC1|DYN_REC_START2 DM_REC2
DYN_MACRO_PLAY1 DM_PLY1
DYN_MACRO_PLAY2 DM_PLY2|DYN_REC_STOP DM_RSTP|GRAVE_ESC QK_GESC|KC_GESC QK_GESC|RGB_TOG UG_TOGG
RGB_MOD UG_NEXT
RGB_RMOD UG_PREV|RGB_HUI UG_HUEU|RGB_HUD UG_HUED|RGB_SAI UG_SATU|RGB_SAD UG_SATD|RGB_VAI UG_VALU
RGB_VAD UG_VALD
RGB_SPI UG_SPDU|RGB_SPD UG_SPDD|KC_LCPO SC_LCPO|KC_RCPC SC_RCPC|KC_LSPO SC_LSPO|KC_RSPC SC_RSPC
KC_LAPO SC_LAPO
KC_RAPC SC_RAPC|UNICODE_MODE_FORWARD UC_NEXT|UNICODE_MODE_REVERSE UC_PREV|UNICODE_MODE_OSX UC_MAC
UNICODE_MODE_LNX UC_LINX|UNICODE_MODE_WIN UC_WIN|UNICODE_MODE_BSD UC_BSD|UNICODE_MODE_WINC UC_WINC
LAG_SWP AG_LSWP|LAG_NRM AG_LNRM|RAG_SWP AG_RSWP|RAG_NRM AG_RNRM|GUI_ON GU_ON|GUI_OFF GU_OFF
LCG_SWP CG_LSWP
LCG_NRM CG_LNRM|RCG_SWP CG_RSWP|RCG_NRM CG_RNRM"""

LEGACY_TABLE = """KC_LEAD QK_LEAD|KC_LOCK QK_LOCK|VLK_TOG VK_TOGG|CAPSWRD CW_TOGG|CAPS_WORD CW_TOGG
KEY_OVERRIDE_TOGGLE KO_TOGG
KEY_OVERRIDE_ON KO_ON|KEY_OVERRIDE_OFF KO_OFF|ONESHOT_ENABLE OS_ON|ONESHOT_DISABLE OS_OFF
ONESHOT_TOGGLE OS_TOGG
CMB_ON CM_ON|CMB_OFF CM_OFF|CMB_TOG CM_TOGG|SECURE_LOCK SE_LOCK|SECURE_UNLOCK SE_UNLK
SECURE_TOGGLE SE_TOGG
SECURE_REQUEST SE_REQ|KC_SFTENT SC_SENT|KC_ASUP AS_UP|KC_ASDN AS_DOWN|KC_ASRP AS_RPT
KC_ASTG AS_TOGG|KC_ASON AS_ON
KC_ASOFF AS_OFF|UC_MOD UC_NEXT|UC_RMOD UC_PREV|UC_M_MA UC_MAC"""

OLD_TABLE = """AU_TOG AU_TOGG|CLICKY_ENABLE CK_ON|CLICKY_DISABLE CK_OFF|MU_TOG MU_TOGG
MU_MOD MU_NEXT|MUV_IN AU_NEXT
MUV_DE AU_PREV|OUT_AUTO OU_AUTO|OUT_USB OU_USB|OUT_BT OU_BT|HPT_ON HF_ON|HPT_OFF HF_OFF
HPT_TOG HF_TOGG|HPT_RST HF_RST
HPT_FBK HF_FDBK|HPT_BUZ HF_BUZZ|HPT_MODI HF_NEXT|HPT_MODD HF_PREV|HPT_CONT HF_CONT|HPT_CONI HF_CONU
HPT_COND HF_COND
HPT_DWLI HF_DWLU|HPT_DWLD HF_DWLD|SQ_TOG SQ_TOGG|MAGIC_TOGGLE_GUI GU_TOGG
MAGIC_TOGGLE_CONTROL_CAPSLOCK CL_TOGG
UC_M_WI UC_WIN|UC_M_LN UC_LINX|UC_M_OS UC_MAC|UC_M_BS UC_BSD|UC_M_WC UC_WINC|UC_M_EM UC_EMAC
KC__MUTE KC_KB_MUTE
KC__VOLUP KC_KB_VOLUME_UP|KC__VOLDOWN KC_KB_VOLUME_DOWN"""
# Removed with nothing to replace them (the legacy header turned them into compile errors).
GONE = {"TERM_ON": LEGACY, "TERM_OFF": LEGACY, "PRINT_ON": OLD_019, "PRINT_OFF": OLD_019}


def pairs(table: str) -> Iterable[tuple[str, str]]:
    for item in table.strip().replace("\n", "|").split("|"):
        old, new = item.split()
        yield old, new


def midi_renames() -> dict[str, str]:
    """MIDI names of keycodes 0.0.1 and their 0.0.2 successors (MI_C_1 -> MI_C1, ...)."""
    notes = [
        "C",
        "Cs",
        "Db",
        "D",
        "Ds",
        "Eb",
        "E",
        "F",
        "Fs",
        "Gb",
        "G",
        "Gs",
        "Ab",
        "A",
        "As",
        "Bb",
        "B",
    ]
    out = {f"MI_{n}_{o}": f"MI_{n}{o}" for n in notes for o in range(1, 6)}
    out |= {
        "MI_OCT_N2": "MI_OCN2",
        "MI_OCT_N1": "MI_OCN1",
        "MI_TRNSD": "MI_TRSD",
        "MI_TRNSU": "MI_TRSU",
    }
    out |= {f"MI_OCT_{i}": f"MI_OC{i}" for i in range(8)}
    out |= {f"MI_TRNS_N{i}": f"MI_TRN{i}" for i in range(1, 7)}
    out |= {f"MI_TRNS_{i}": f"MI_TR{i}" for i in range(7)}
    out |= {f"MI_VEL_{i}": f"MI_VL{i}" for i in range(11)}
    text = "TOG TOGG|CHD CHND|CHU CHNU|ALLOFF AOFF|SUS SUST|MODSD MODD|MODSU MODU"
    text += "|BENDD BNDD|BENDU BNDU"
    out |= {f"MI_{old}": f"MI_{new}" for old, new in pairs(text)}
    return out
