# common (fr-CA)

common-loading = Chargement…
# L'étiquette du sélecteur de langue reste lisible dans toutes les langues, la langue courante d'abord.
common-language-label = Langue / Language / Язык

layout-skip-link = Passer au contenu
layout-footer = Northstar Auto Finance · Portail client sécurisé
layout-sign-out = Se déconnecter
layout-signing-out = Déconnexion en cours…
layout-main-nav = Navigation principale

nav-dashboard = Tableau de bord
nav-payments = Paiements
nav-documents = Documents
nav-messages = Messages
nav-profile = Profil

pwa-update-available = Mise à jour disponible
pwa-reload = Recharger

toast-dismiss = Fermer
toast-copy = Copier
# Nom accessible d'un bouton de copie; $what est ce qu'il copie (« numéro de contrat »).
toast-copy-label = Copier { $what }
toast-copied = Copié : { $text }
toast-copy-failed = Impossible de copier. Sélectionnez le numéro et copiez-le vous-même.
