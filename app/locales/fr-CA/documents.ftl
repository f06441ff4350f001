## Documents page

documents-title = Documents
documents-intro = Relevés mensuels et lettres pour chacun de vos contrats, en fichiers PDF dans la langue que vous utilisez ici.
documents-missing = Ce fichier n'est pas accessible à cette connexion : le lien est peut-être ancien ou appartient à quelqu'un d'autre. Vos documents sont ci-dessous.
documents-statements = Relevés mensuels
documents-letters = Lettres
documents-statement-link = Relevé — { $month }
documents-pdf = PDF
documents-no-statements = Votre premier relevé s'affichera ici une fois terminé le mois de votre premier paiement.
documents-no-letters = Aucune lettre pour le moment. Lorsqu'un contrat est payé en entier, sa lettre de confirmation s'affiche ici.
documents-letter-paid-in-full = Lettre de remboursement intégral
documents-letter-lease-completed = Lettre de fin de location
documents-letter-closed-on = contrat soldé le { $date }
documents-none = Vous n'avez encore aucun contrat lié; il n'y a donc aucun document à afficher.
documents-link-contract = Lier un contrat
documents-show-all = { $n ->
        [one] Afficher { $n } relevé
       *[other] Afficher les { $n } relevés
    }
documents-show-fewer = Afficher moins de relevés
documents-kept = Tous les relevés mensuels depuis le premier mois de chaque contrat sont conservés ici, y compris ceux des contrats remboursés.
documents-letter-lien-release = Mainlevée de la sûreté
documents-letter-interest = Intérêts payés en { $year }
documents-letter-balance = Confirmation de solde
documents-letter-for-taxes = pour vos dossiers fiscaux
documents-letter-as-of = en date du { $date }
documents-issued-note = Chaque relevé est conservé tel qu'il a été émis : le télécharger de nouveau donne le même fichier.
documents-letter-title-release = Cession du titre de propriété
